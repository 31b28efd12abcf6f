CREATE TABLE "board_decision_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "board_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"year" integer,
	"number" integer,
	"question" text NOT NULL,
	"options" text[] DEFAULT '{}'::text[] NOT NULL,
	"outcome" text NOT NULL,
	"statement" text NOT NULL,
	"rationale" text NOT NULL,
	"vote_mode" text NOT NULL,
	"votes_for" integer,
	"votes_against" integer,
	"votes_abstain" integer,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('french'::regconfig, f_unaccent(coalesce(question, ''))), 'A') || setweight(to_tsvector('french'::regconfig, f_unaccent(coalesce(statement, ''))), 'B') || setweight(to_tsvector('french'::regconfig, f_unaccent(coalesce(rationale, ''))), 'C')) STORED,
	CONSTRAINT "board_decisions_outcome_check" CHECK ("board_decisions"."outcome" IN ('approved', 'rejected', 'postponed')),
	CONSTRAINT "board_decisions_vote_mode_check" CHECK ("board_decisions"."vote_mode" IN ('vote', 'consensus')),
	CONSTRAINT "board_decisions_vote_check" CHECK (("board_decisions"."vote_mode" = 'vote') = ("board_decisions"."votes_for" IS NOT NULL AND "board_decisions"."votes_against" IS NOT NULL AND "board_decisions"."votes_abstain" IS NOT NULL)
        AND coalesce(least("board_decisions"."votes_for", "board_decisions"."votes_against", "board_decisions"."votes_abstain"), 0) >= 0),
	CONSTRAINT "board_decisions_number_check" CHECK (("board_decisions"."number" IS NULL) = ("board_decisions"."published_at" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "board_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"reason" text NOT NULL,
	"evolution_target" text,
	"office_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"sponsorship_id" uuid,
	"call_id" uuid,
	"project_id" uuid,
	"state" text DEFAULT 'waiting' NOT NULL,
	"meeting_id" uuid,
	"submitted_by" uuid,
	"submitting_organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "board_items_kind_check" CHECK ("board_items"."kind" IN ('evolution', 'arbitration', 'sponsorship', 'callSelection', 'nationalParticipation', 'compensation')),
	CONSTRAINT "board_items_state_check" CHECK ("board_items"."state" IN ('waiting', 'scheduled', 'decided', 'withdrawn')),
	CONSTRAINT "board_items_evolution_target_check" CHECK ("board_items"."evolution_target" IN ('portal', 'amCloud', 'store')),
	CONSTRAINT "board_items_references_check" CHECK (("board_items"."kind" = 'evolution') = ("board_items"."evolution_target" IS NOT NULL)
        AND ("board_items"."kind" = 'sponsorship') = ("board_items"."sponsorship_id" IS NOT NULL)
        AND ("board_items"."kind" = 'callSelection') = ("board_items"."call_id" IS NOT NULL)
        AND ("board_items"."state" = 'scheduled') = ("board_items"."meeting_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "board_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"meeting_on" date NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'planned' NOT NULL,
	"attendance" text[] DEFAULT '{}'::text[] NOT NULL,
	"minutes" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "board_meetings_state_check" CHECK ("board_meetings"."state" IN ('planned', 'held', 'minutesPublished', 'cancelled'))
);
--> statement-breakpoint
ALTER TABLE "follows" DROP CONSTRAINT "follows_target_type_check";--> statement-breakpoint
ALTER TABLE "notification_mutes" DROP CONSTRAINT "notification_mutes_target_type_check";--> statement-breakpoint
ALTER TABLE "notification_preferences" DROP CONSTRAINT "notification_preferences_kind_check";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";--> statement-breakpoint
ALTER TABLE "board_decisions" ADD CONSTRAINT "board_decisions_meeting_id_board_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."board_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_decisions" ADD CONSTRAINT "board_decisions_item_id_board_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."board_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_decisions" ADD CONSTRAINT "board_decisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_items" ADD CONSTRAINT "board_items_sponsorship_id_sponsorship_requests_id_fk" FOREIGN KEY ("sponsorship_id") REFERENCES "public"."sponsorship_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_items" ADD CONSTRAINT "board_items_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_items" ADD CONSTRAINT "board_items_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_items" ADD CONSTRAINT "board_items_meeting_id_board_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."board_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_items" ADD CONSTRAINT "board_items_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_items" ADD CONSTRAINT "board_items_submitting_organisation_id_organisations_id_fk" FOREIGN KEY ("submitting_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_meetings" ADD CONSTRAINT "board_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "board_decisions_item_key" ON "board_decisions" USING btree ("item_id","meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "board_decisions_number_key" ON "board_decisions" USING btree ("year","number");--> statement-breakpoint
CREATE INDEX "board_decisions_published_idx" ON "board_decisions" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "board_decisions_search_idx" ON "board_decisions" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "board_items_state_idx" ON "board_items" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "board_items_meeting_idx" ON "board_items" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "board_items_sponsorship_key" ON "board_items" USING btree ("sponsorship_id") WHERE state IN ('waiting', 'scheduled');--> statement-breakpoint
CREATE UNIQUE INDEX "board_items_call_key" ON "board_items" USING btree ("call_id") WHERE state IN ('waiting', 'scheduled');--> statement-breakpoint
CREATE INDEX "board_meetings_date_idx" ON "board_meetings" USING btree ("meeting_on");--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_target_type_check" CHECK ("follows"."target_type" IN ('project', 'application', 'deploymentRequest', 'call', 'boardItem'));--> statement-breakpoint
ALTER TABLE "notification_mutes" ADD CONSTRAINT "notification_mutes_target_type_check" CHECK ("notification_mutes"."target_type" IN ('project', 'application', 'deploymentRequest', 'call', 'boardItem'));--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_kind_check" CHECK ("notification_preferences"."kind" IN ('project.transitioned', 'sponsorship.requested', 'sponsorship.decided', 'offer.made', 'offer.decided', 'comment.added', 'application.updated', 'usage.declared', 'application.version.released', 'deploymentRequest.transitioned', 'call.transitioned', 'call.questionAsked', 'call.questionAnswered', 'boardItem.decided'));--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" IN ('project.transitioned', 'sponsorship.requested', 'sponsorship.decided', 'offer.made', 'offer.decided', 'comment.added', 'application.updated', 'usage.declared', 'application.version.released', 'deploymentRequest.transitioned', 'call.transitioned', 'call.questionAsked', 'call.questionAnswered', 'boardItem.decided'));
--> statement-breakpoint
-- Merged: the CHECKs widened by another change of the same release, with every kind.
ALTER TABLE "follows" DROP CONSTRAINT "follows_target_type_check";--> statement-breakpoint
ALTER TABLE "notification_mutes" DROP CONSTRAINT "notification_mutes_target_type_check";--> statement-breakpoint
ALTER TABLE "notification_preferences" DROP CONSTRAINT "notification_preferences_kind_check";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_target_type_check" CHECK ("follows"."target_type" IN ('project', 'application', 'deploymentRequest', 'call', 'proposal', 'boardItem'));--> statement-breakpoint
ALTER TABLE "notification_mutes" ADD CONSTRAINT "notification_mutes_target_type_check" CHECK ("notification_mutes"."target_type" IN ('project', 'application', 'deploymentRequest', 'call', 'proposal', 'boardItem'));--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_kind_check" CHECK ("notification_preferences"."kind" IN ('project.transitioned', 'sponsorship.requested', 'sponsorship.decided', 'offer.made', 'offer.decided', 'comment.added', 'application.updated', 'usage.declared', 'application.version.released', 'deploymentRequest.transitioned', 'call.transitioned', 'call.questionAsked', 'call.questionAnswered', 'project.updated', 'proposal.transitioned', 'proposal.partnerInvited', 'boardItem.decided'));--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" IN ('project.transitioned', 'sponsorship.requested', 'sponsorship.decided', 'offer.made', 'offer.decided', 'comment.added', 'application.updated', 'usage.declared', 'application.version.released', 'deploymentRequest.transitioned', 'call.transitioned', 'call.questionAsked', 'call.questionAnswered', 'project.updated', 'proposal.transitioned', 'proposal.partnerInvited', 'boardItem.decided'));