ALTER TABLE "board_items" DROP CONSTRAINT "board_items_kind_check";--> statement-breakpoint
ALTER TABLE "board_items" DROP CONSTRAINT "board_items_references_check";--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "replaced_by_id" uuid;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "replaced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "board_items" ADD COLUMN "agreement_id" uuid;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_replaced_by_id_applications_id_fk" FOREIGN KEY ("replaced_by_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_items" ADD CONSTRAINT "board_items_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "board_items_agreement_key" ON "board_items" USING btree ("agreement_id") WHERE state IN ('waiting', 'scheduled');--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_replacement_check" CHECK (("applications"."replaced_by_id" IS NULL) = ("applications"."replaced_at" IS NULL) AND "applications"."replaced_by_id" IS DISTINCT FROM "applications"."id");--> statement-breakpoint
ALTER TABLE "board_items" ADD CONSTRAINT "board_items_kind_check" CHECK ("board_items"."kind" IN ('evolution', 'arbitration', 'sponsorship', 'callSelection', 'nationalParticipation', 'compensation', 'agreement'));--> statement-breakpoint
ALTER TABLE "board_items" ADD CONSTRAINT "board_items_references_check" CHECK (("board_items"."kind" = 'evolution') = ("board_items"."evolution_target" IS NOT NULL)
        AND ("board_items"."kind" = 'sponsorship') = ("board_items"."sponsorship_id" IS NOT NULL)
        AND ("board_items"."kind" = 'callSelection') = ("board_items"."call_id" IS NOT NULL)
        AND ("board_items"."kind" = 'agreement') = ("board_items"."agreement_id" IS NOT NULL)
        AND ("board_items"."state" = 'scheduled') = ("board_items"."meeting_id" IS NOT NULL));