-- Undoes 0030_hosting_costs_tenant_lifecycle.sql (statements in reverse order).
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";
--> statement-breakpoint
ALTER TABLE "notification_preferences" DROP CONSTRAINT "notification_preferences_kind_check";
--> statement-breakpoint
ALTER TABLE "notification_mutes" DROP CONSTRAINT "notification_mutes_target_type_check";
--> statement-breakpoint
ALTER TABLE "follows" DROP CONSTRAINT "follows_target_type_check";
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" IN ('project.transitioned', 'sponsorship.requested', 'sponsorship.decided', 'offer.made', 'offer.decided', 'comment.added', 'application.updated', 'usage.declared', 'application.version.released', 'deploymentRequest.transitioned', 'call.transitioned', 'call.questionAsked', 'call.questionAnswered', 'hostingBudget.thresholdReached'));
--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_kind_check" CHECK ("notification_preferences"."kind" IN ('project.transitioned', 'sponsorship.requested', 'sponsorship.decided', 'offer.made', 'offer.decided', 'comment.added', 'application.updated', 'usage.declared', 'application.version.released', 'deploymentRequest.transitioned', 'call.transitioned', 'call.questionAsked', 'call.questionAnswered', 'hostingBudget.thresholdReached'));
--> statement-breakpoint
ALTER TABLE "notification_mutes" ADD CONSTRAINT "notification_mutes_target_type_check" CHECK ("notification_mutes"."target_type" IN ('project', 'application', 'deploymentRequest', 'call', 'hostingBudget'));
--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_target_type_check" CHECK ("follows"."target_type" IN ('project', 'application', 'deploymentRequest', 'call', 'hostingBudget'));
--> statement-breakpoint
ALTER TABLE "tenants" DROP CONSTRAINT "tenants_status_check";
--> statement-breakpoint
ALTER TABLE "tenants" DROP CONSTRAINT "tenants_pending_operation_check";
--> statement-breakpoint
ALTER TABLE "deployment_requests" DROP CONSTRAINT "deployment_requests_state_check";
--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";
--> statement-breakpoint
ALTER TABLE "notification_preferences" DROP CONSTRAINT "notification_preferences_kind_check";
--> statement-breakpoint
ALTER TABLE "notification_mutes" DROP CONSTRAINT "notification_mutes_target_type_check";
--> statement-breakpoint
ALTER TABLE "follows" DROP CONSTRAINT "follows_target_type_check";
--> statement-breakpoint
DROP INDEX "hosting_price_lists_effective_from_key";
--> statement-breakpoint
DROP INDEX "hosting_budgets_office_year_key";
--> statement-breakpoint
ALTER TABLE "hosting_budgets" DROP CONSTRAINT "hosting_budgets_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "hosting_budget_alerts" DROP CONSTRAINT "hosting_budget_alerts_budget_id_hosting_budgets_id_fk";
--> statement-breakpoint
ALTER TABLE "tenants" DROP COLUMN "data_retained_until";
--> statement-breakpoint
ALTER TABLE "tenants" DROP COLUMN "data_export_url";
--> statement-breakpoint
ALTER TABLE "tenants" DROP COLUMN "removed_at";
--> statement-breakpoint
ALTER TABLE "tenants" DROP COLUMN "suspended_at";
--> statement-breakpoint
ALTER TABLE "tenants" DROP COLUMN "export_requested";
--> statement-breakpoint
ALTER TABLE "tenants" DROP COLUMN "pending_operation";
--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_status_check" CHECK ("tenants"."status" IN ('requested', 'provisioning', 'live', 'failed'));
--> statement-breakpoint
ALTER TABLE "deployment_requests" ADD CONSTRAINT "deployment_requests_state_check" CHECK ("deployment_requests"."state" IN ('draft', 'submitted', 'approved', 'validated', 'provisioning', 'available', 'returned', 'provisioningFailed', 'refused', 'cancelled'));
--> statement-breakpoint
-- The notifications, preferences, mutes and follows about hosting budgets point at the tables dropped
-- below and fit none of the narrower lists: deleted.
DELETE FROM "notifications" WHERE "kind" = 'hostingBudget.thresholdReached';
--> statement-breakpoint
DELETE FROM "notification_preferences" WHERE "kind" = 'hostingBudget.thresholdReached';
--> statement-breakpoint
DELETE FROM "notification_mutes" WHERE "target_type" = 'hostingBudget';
--> statement-breakpoint
DELETE FROM "follows" WHERE "target_type" = 'hostingBudget';
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" IN ('project.transitioned', 'sponsorship.requested', 'sponsorship.decided', 'offer.made', 'offer.decided', 'comment.added', 'application.updated', 'usage.declared', 'application.version.released', 'deploymentRequest.transitioned', 'call.transitioned', 'call.questionAsked', 'call.questionAnswered', 'project.updated', 'proposal.transitioned', 'proposal.partnerInvited', 'boardItem.decided', 'referentApplication.submitted', 'referentApplication.transitioned', 'training.registrationChanged', 'trainingSession.transitioned', 'supportTicket.opened', 'supportTicket.transitioned', 'supportTicket.messageAdded'));
--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_kind_check" CHECK ("notification_preferences"."kind" IN ('project.transitioned', 'sponsorship.requested', 'sponsorship.decided', 'offer.made', 'offer.decided', 'comment.added', 'application.updated', 'usage.declared', 'application.version.released', 'deploymentRequest.transitioned', 'call.transitioned', 'call.questionAsked', 'call.questionAnswered', 'project.updated', 'proposal.transitioned', 'proposal.partnerInvited', 'boardItem.decided', 'referentApplication.submitted', 'referentApplication.transitioned', 'training.registrationChanged', 'trainingSession.transitioned', 'supportTicket.opened', 'supportTicket.transitioned', 'supportTicket.messageAdded'));
--> statement-breakpoint
ALTER TABLE "notification_mutes" ADD CONSTRAINT "notification_mutes_target_type_check" CHECK ("notification_mutes"."target_type" IN ('project', 'application', 'deploymentRequest', 'call', 'proposal', 'boardItem', 'referentApplication', 'trainingSession', 'supportTicket'));
--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_target_type_check" CHECK ("follows"."target_type" IN ('project', 'application', 'deploymentRequest', 'call', 'proposal', 'boardItem', 'referentApplication', 'trainingSession', 'supportTicket'));
--> statement-breakpoint
DROP TABLE "hosting_price_lists";
--> statement-breakpoint
DROP TABLE "hosting_budgets";
--> statement-breakpoint
DROP TABLE "hosting_budget_alerts";
