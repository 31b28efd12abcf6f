-- Undoes 0020_integration_snapshots.sql (statements in reverse order).
DROP TABLE "integration_snapshots";
