-- Undoes 0036_retention.sql.
DROP INDEX "audit_events_snapshot_idx";
