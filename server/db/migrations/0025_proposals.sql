CREATE TABLE "call_evaluators" (
	"call_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"named_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_evaluators_call_id_user_id_pk" PRIMARY KEY("call_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "call_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"approach" text NOT NULL,
	"team" text DEFAULT '' NOT NULL,
	"effort_days" integer,
	"planned_start" date,
	"planned_end" date,
	"state" text DEFAULT 'draft' NOT NULL,
	"decision_rationale" text,
	"project_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_proposals_state_check" CHECK ("call_proposals"."state" IN ('draft', 'awaitingApproval', 'submitted', 'withdrawn', 'selected', 'notSelected')),
	CONSTRAINT "call_proposals_effort_days_check" CHECK ("call_proposals"."effort_days" IS NULL OR "call_proposals"."effort_days" >= 0),
	CONSTRAINT "call_proposals_planned_dates_check" CHECK ("call_proposals"."planned_start" IS NULL OR "call_proposals"."planned_end" IS NULL OR "call_proposals"."planned_start" <= "call_proposals"."planned_end")
);
--> statement-breakpoint
CREATE TABLE "call_selections" (
	"call_id" uuid PRIMARY KEY NOT NULL,
	"state" text NOT NULL,
	"rationale" text NOT NULL,
	"choices" jsonb NOT NULL,
	"proposed_by" uuid,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_by" uuid,
	"applied_at" timestamp with time zone,
	CONSTRAINT "call_selections_state_check" CHECK ("call_selections"."state" IN ('awaitingBoard', 'applied'))
);
--> statement-breakpoint
CREATE TABLE "proposal_partners" (
	"proposal_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "proposal_partners_proposal_id_organisation_id_pk" PRIMARY KEY("proposal_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "proposal_reuses" (
	"proposal_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	CONSTRAINT "proposal_reuses_proposal_id_application_id_pk" PRIMARY KEY("proposal_id","application_id")
);
--> statement-breakpoint
CREATE TABLE "proposal_scores" (
	"proposal_id" uuid NOT NULL,
	"evaluator_id" uuid NOT NULL,
	"criterion" integer NOT NULL,
	"score" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposal_scores_proposal_id_evaluator_id_criterion_pk" PRIMARY KEY("proposal_id","evaluator_id","criterion"),
	CONSTRAINT "proposal_scores_criterion_check" CHECK ("proposal_scores"."criterion" >= 0),
	CONSTRAINT "proposal_scores_score_check" CHECK ("proposal_scores"."score" BETWEEN 0 AND 5)
);
--> statement-breakpoint
-- The event vocabulary widens (common/notifications.ts): proposals become a followed target
-- ('proposal') and two kinds are added ('proposal.transitioned', 'proposal.partnerInvited').
-- The four CHECKs are dropped here and added again, with the new values, below.
ALTER TABLE "follows" DROP CONSTRAINT "follows_target_type_check";--> statement-breakpoint
ALTER TABLE "notification_mutes" DROP CONSTRAINT "notification_mutes_target_type_check";--> statement-breakpoint
ALTER TABLE "notification_preferences" DROP CONSTRAINT "notification_preferences_kind_check";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";--> statement-breakpoint
ALTER TABLE "call_evaluators" ADD CONSTRAINT "call_evaluators_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_evaluators" ADD CONSTRAINT "call_evaluators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_evaluators" ADD CONSTRAINT "call_evaluators_named_by_users_id_fk" FOREIGN KEY ("named_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_proposals" ADD CONSTRAINT "call_proposals_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_proposals" ADD CONSTRAINT "call_proposals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_proposals" ADD CONSTRAINT "call_proposals_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_proposals" ADD CONSTRAINT "call_proposals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_selections" ADD CONSTRAINT "call_selections_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_selections" ADD CONSTRAINT "call_selections_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_selections" ADD CONSTRAINT "call_selections_applied_by_users_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_partners" ADD CONSTRAINT "proposal_partners_proposal_id_call_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."call_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_partners" ADD CONSTRAINT "proposal_partners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_partners" ADD CONSTRAINT "proposal_partners_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_reuses" ADD CONSTRAINT "proposal_reuses_proposal_id_call_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."call_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_reuses" ADD CONSTRAINT "proposal_reuses_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_scores" ADD CONSTRAINT "proposal_scores_proposal_id_call_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."call_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_scores" ADD CONSTRAINT "proposal_scores_evaluator_id_users_id_fk" FOREIGN KEY ("evaluator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "call_evaluators_user_idx" ON "call_evaluators" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "call_proposals_call_idx" ON "call_proposals" USING btree ("call_id","state");--> statement-breakpoint
CREATE INDEX "call_proposals_organisation_idx" ON "call_proposals" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "proposal_partners_organisation_idx" ON "proposal_partners" USING btree ("organisation_id");--> statement-breakpoint
-- The four CHECKs of the event vocabulary again, widened to the proposals' target and kinds.
ALTER TABLE "follows" ADD CONSTRAINT "follows_target_type_check" CHECK ("follows"."target_type" IN ('project', 'application', 'deploymentRequest', 'call', 'proposal'));--> statement-breakpoint
ALTER TABLE "notification_mutes" ADD CONSTRAINT "notification_mutes_target_type_check" CHECK ("notification_mutes"."target_type" IN ('project', 'application', 'deploymentRequest', 'call', 'proposal'));--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_kind_check" CHECK ("notification_preferences"."kind" IN ('project.transitioned', 'sponsorship.requested', 'sponsorship.decided', 'offer.made', 'offer.decided', 'comment.added', 'application.updated', 'usage.declared', 'application.version.released', 'deploymentRequest.transitioned', 'call.transitioned', 'call.questionAsked', 'call.questionAnswered', 'proposal.transitioned', 'proposal.partnerInvited'));--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" IN ('project.transitioned', 'sponsorship.requested', 'sponsorship.decided', 'offer.made', 'offer.decided', 'comment.added', 'application.updated', 'usage.declared', 'application.version.released', 'deploymentRequest.transitioned', 'call.transitioned', 'call.questionAsked', 'call.questionAnswered', 'proposal.transitioned', 'proposal.partnerInvited'));
--> statement-breakpoint
-- Merged: the CHECKs widened by another change of the same release, with every kind.
ALTER TABLE "notification_preferences" DROP CONSTRAINT "notification_preferences_kind_check";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_kind_check" CHECK ("notification_preferences"."kind" IN ('project.transitioned', 'sponsorship.requested', 'sponsorship.decided', 'offer.made', 'offer.decided', 'comment.added', 'application.updated', 'usage.declared', 'application.version.released', 'deploymentRequest.transitioned', 'call.transitioned', 'call.questionAsked', 'call.questionAnswered', 'project.updated', 'proposal.transitioned', 'proposal.partnerInvited'));--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" IN ('project.transitioned', 'sponsorship.requested', 'sponsorship.decided', 'offer.made', 'offer.decided', 'comment.added', 'application.updated', 'usage.declared', 'application.version.released', 'deploymentRequest.transitioned', 'call.transitioned', 'call.questionAsked', 'call.questionAnswered', 'project.updated', 'proposal.transitioned', 'proposal.partnerInvited'));