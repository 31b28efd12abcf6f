-- Undoes 0031_support_service_targets.sql (statements in reverse order). The service targets it computed
-- for the tickets opened before it live only in the columns dropped here.
DROP INDEX "support_tickets_referential_proposal_key";
--> statement-breakpoint
ALTER TABLE "support_tickets" DROP CONSTRAINT "support_tickets_referential_proposal_id_referential_proposals_id_fk";
--> statement-breakpoint
ALTER TABLE "support_tickets" DROP COLUMN "referential_proposal_id";
--> statement-breakpoint
ALTER TABLE "support_tickets" DROP COLUMN "level2_answered_at";
--> statement-breakpoint
ALTER TABLE "support_tickets" DROP COLUMN "level2_due_at";
--> statement-breakpoint
ALTER TABLE "support_tickets" DROP COLUMN "level1_answered_at";
--> statement-breakpoint
ALTER TABLE "support_tickets" DROP COLUMN "level1_due_at";
