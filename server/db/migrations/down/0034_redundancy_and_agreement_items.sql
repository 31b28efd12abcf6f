-- Undoes 0034_redundancy_and_agreement_items.sql (statements in reverse order). A board item about an
-- agreement fits none of the earlier kinds: while one exists, the kind check added back below fails and
-- the transaction rolls back rather than delete a board decision; go back by the backup then.
ALTER TABLE "board_items" DROP CONSTRAINT "board_items_references_check";
--> statement-breakpoint
ALTER TABLE "board_items" DROP CONSTRAINT "board_items_kind_check";
--> statement-breakpoint
ALTER TABLE "applications" DROP CONSTRAINT "applications_replacement_check";
--> statement-breakpoint
DROP INDEX "board_items_agreement_key";
--> statement-breakpoint
ALTER TABLE "board_items" DROP CONSTRAINT "board_items_agreement_id_agreements_id_fk";
--> statement-breakpoint
ALTER TABLE "applications" DROP CONSTRAINT "applications_replaced_by_id_applications_id_fk";
--> statement-breakpoint
ALTER TABLE "board_items" DROP COLUMN "agreement_id";
--> statement-breakpoint
ALTER TABLE "applications" DROP COLUMN "replaced_at";
--> statement-breakpoint
ALTER TABLE "applications" DROP COLUMN "replaced_by_id";
--> statement-breakpoint
ALTER TABLE "board_items" ADD CONSTRAINT "board_items_references_check" CHECK (("board_items"."kind" = 'evolution') = ("board_items"."evolution_target" IS NOT NULL)
        AND ("board_items"."kind" = 'sponsorship') = ("board_items"."sponsorship_id" IS NOT NULL)
        AND ("board_items"."kind" = 'callSelection') = ("board_items"."call_id" IS NOT NULL)
        AND ("board_items"."state" = 'scheduled') = ("board_items"."meeting_id" IS NOT NULL));
--> statement-breakpoint
ALTER TABLE "board_items" ADD CONSTRAINT "board_items_kind_check" CHECK ("board_items"."kind" IN ('evolution', 'arbitration', 'sponsorship', 'callSelection', 'nationalParticipation', 'compensation'));
