-- Undoes 0005_lifecycle_engine.sql (statements in reverse order).
ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_actor_kind_check";
--> statement-breakpoint
DROP INDEX "outbox_pending_idx";
--> statement-breakpoint
ALTER TABLE "audit_events" DROP COLUMN "details";
--> statement-breakpoint
ALTER TABLE "audit_events" DROP COLUMN "actor_kind";
--> statement-breakpoint
DROP TABLE "outbox_messages";
