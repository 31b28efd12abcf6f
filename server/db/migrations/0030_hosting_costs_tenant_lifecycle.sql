-- Hosting costs on AM Cloud, and the suspension and removal of tenants (issue 14).
-- CHECK constraints widened here (each dropped below, then added again with one more value):
--   follows_target_type_check, notification_mutes_target_type_check: + 'hostingBudget' (a budget alert's thread)
--   notification_preferences_kind_check, notifications_kind_check: + 'hostingBudget.thresholdReached'
--   deployment_requests_state_check: + 'suspended', 'removed' (the request's lifecycle after available)
--   tenants_status_check: + 'suspended', 'removed' (what the platform confirmed)
-- New: tenants_pending_operation_check (suspend, resume, remove asked and not yet confirmed), and the
-- CHECKs of the three hosting tables. No existing row breaks a widened list.
CREATE TABLE "hosting_budget_alerts" (
	"budget_id" uuid NOT NULL,
	"threshold" integer NOT NULL,
	"consumed_cents" integer NOT NULL,
	"reached_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hosting_budget_alerts_budget_id_threshold_pk" PRIMARY KEY("budget_id","threshold"),
	CONSTRAINT "hosting_budget_alerts_threshold_check" CHECK ("hosting_budget_alerts"."threshold" IN (80, 100))
);
--> statement-breakpoint
CREATE TABLE "hosting_budgets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"amount_cents" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hosting_budgets_amount_cents_check" CHECK ("hosting_budgets"."amount_cents" >= 0),
	CONSTRAINT "hosting_budgets_year_check" CHECK ("hosting_budgets"."year" BETWEEN 2000 AND 2100)
);
--> statement-breakpoint
CREATE TABLE "hosting_price_lists" (
	"version" integer PRIMARY KEY NOT NULL,
	"effective_from" date NOT NULL,
	"label" text NOT NULL,
	"vcpu_cents" integer NOT NULL,
	"memory_gb_cents" integer NOT NULL,
	"storage_gb_cents" integer NOT NULL,
	"sizing" jsonb NOT NULL,
	CONSTRAINT "hosting_price_lists_prices_check" CHECK ("hosting_price_lists"."vcpu_cents" >= 0 AND "hosting_price_lists"."memory_gb_cents" >= 0 AND "hosting_price_lists"."storage_gb_cents" >= 0)
);
--> statement-breakpoint
ALTER TABLE "follows" DROP CONSTRAINT "follows_target_type_check";--> statement-breakpoint
ALTER TABLE "notification_mutes" DROP CONSTRAINT "notification_mutes_target_type_check";--> statement-breakpoint
ALTER TABLE "notification_preferences" DROP CONSTRAINT "notification_preferences_kind_check";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";--> statement-breakpoint
ALTER TABLE "deployment_requests" DROP CONSTRAINT "deployment_requests_state_check";--> statement-breakpoint
ALTER TABLE "tenants" DROP CONSTRAINT "tenants_status_check";--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "pending_operation" text;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "export_requested" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "suspended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "removed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "data_export_url" text;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "data_retained_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "hosting_budget_alerts" ADD CONSTRAINT "hosting_budget_alerts_budget_id_hosting_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."hosting_budgets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hosting_budgets" ADD CONSTRAINT "hosting_budgets_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "hosting_budgets_office_year_key" ON "hosting_budgets" USING btree ("organisation_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "hosting_price_lists_effective_from_key" ON "hosting_price_lists" USING btree ("effective_from");--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_target_type_check" CHECK ("follows"."target_type" IN ('project', 'application', 'deploymentRequest', 'call', 'hostingBudget'));--> statement-breakpoint
ALTER TABLE "notification_mutes" ADD CONSTRAINT "notification_mutes_target_type_check" CHECK ("notification_mutes"."target_type" IN ('project', 'application', 'deploymentRequest', 'call', 'hostingBudget'));--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_kind_check" CHECK ("notification_preferences"."kind" IN ('project.transitioned', 'sponsorship.requested', 'sponsorship.decided', 'offer.made', 'offer.decided', 'comment.added', 'application.updated', 'usage.declared', 'application.version.released', 'deploymentRequest.transitioned', 'call.transitioned', 'call.questionAsked', 'call.questionAnswered', 'hostingBudget.thresholdReached'));--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" IN ('project.transitioned', 'sponsorship.requested', 'sponsorship.decided', 'offer.made', 'offer.decided', 'comment.added', 'application.updated', 'usage.declared', 'application.version.released', 'deploymentRequest.transitioned', 'call.transitioned', 'call.questionAsked', 'call.questionAnswered', 'hostingBudget.thresholdReached'));--> statement-breakpoint
ALTER TABLE "deployment_requests" ADD CONSTRAINT "deployment_requests_state_check" CHECK ("deployment_requests"."state" IN ('draft', 'submitted', 'approved', 'validated', 'provisioning', 'available', 'returned', 'provisioningFailed', 'refused', 'cancelled', 'suspended', 'removed'));--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_pending_operation_check" CHECK ("tenants"."pending_operation" IN ('suspend', 'resume', 'remove'));--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_status_check" CHECK ("tenants"."status" IN ('requested', 'provisioning', 'live', 'failed', 'suspended', 'removed'));
--> statement-breakpoint
-- Merged: the CHECKs widened by another change of the same release, with every kind.
ALTER TABLE "follows" DROP CONSTRAINT "follows_target_type_check";--> statement-breakpoint
ALTER TABLE "notification_mutes" DROP CONSTRAINT "notification_mutes_target_type_check";--> statement-breakpoint
ALTER TABLE "notification_preferences" DROP CONSTRAINT "notification_preferences_kind_check";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_target_type_check" CHECK ("follows"."target_type" IN ('project', 'application', 'deploymentRequest', 'call', 'proposal', 'boardItem', 'referentApplication', 'trainingSession', 'supportTicket', 'hostingBudget'));--> statement-breakpoint
ALTER TABLE "notification_mutes" ADD CONSTRAINT "notification_mutes_target_type_check" CHECK ("notification_mutes"."target_type" IN ('project', 'application', 'deploymentRequest', 'call', 'proposal', 'boardItem', 'referentApplication', 'trainingSession', 'supportTicket', 'hostingBudget'));--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_kind_check" CHECK ("notification_preferences"."kind" IN ('project.transitioned', 'sponsorship.requested', 'sponsorship.decided', 'offer.made', 'offer.decided', 'comment.added', 'application.updated', 'usage.declared', 'application.version.released', 'deploymentRequest.transitioned', 'call.transitioned', 'call.questionAsked', 'call.questionAnswered', 'project.updated', 'proposal.transitioned', 'proposal.partnerInvited', 'boardItem.decided', 'referentApplication.submitted', 'referentApplication.transitioned', 'training.registrationChanged', 'trainingSession.transitioned', 'supportTicket.opened', 'supportTicket.transitioned', 'supportTicket.messageAdded', 'hostingBudget.thresholdReached'));--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" IN ('project.transitioned', 'sponsorship.requested', 'sponsorship.decided', 'offer.made', 'offer.decided', 'comment.added', 'application.updated', 'usage.declared', 'application.version.released', 'deploymentRequest.transitioned', 'call.transitioned', 'call.questionAsked', 'call.questionAnswered', 'project.updated', 'proposal.transitioned', 'proposal.partnerInvited', 'boardItem.decided', 'referentApplication.submitted', 'referentApplication.transitioned', 'training.registrationChanged', 'trainingSession.transitioned', 'supportTicket.opened', 'supportTicket.transitioned', 'supportTicket.messageAdded', 'hostingBudget.thresholdReached'));