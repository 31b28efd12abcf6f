-- Undoes 0018_store_deployments.sql (statements in reverse order).
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";
--> statement-breakpoint
ALTER TABLE "notification_preferences" DROP CONSTRAINT "notification_preferences_kind_check";
--> statement-breakpoint
ALTER TABLE "notification_mutes" DROP CONSTRAINT "notification_mutes_target_type_check";
--> statement-breakpoint
ALTER TABLE "follows" DROP CONSTRAINT "follows_target_type_check";
--> statement-breakpoint
DROP INDEX "tenants_status_idx";
--> statement-breakpoint
DROP INDEX "tenants_application_idx";
--> statement-breakpoint
DROP INDEX "tenants_idempotency_key";
--> statement-breakpoint
DROP INDEX "tenants_request_key";
--> statement-breakpoint
DROP INDEX "store_reviews_office_key";
--> statement-breakpoint
DROP INDEX "deployment_requests_state_idx";
--> statement-breakpoint
DROP INDEX "deployment_requests_organisation_idx";
--> statement-breakpoint
DROP INDEX "deployment_requests_application_idx";
--> statement-breakpoint
DROP INDEX "deployment_requests_reference_key";
--> statement-breakpoint
ALTER TABLE "tenants" DROP CONSTRAINT "tenants_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "tenants" DROP CONSTRAINT "tenants_application_id_applications_id_fk";
--> statement-breakpoint
ALTER TABLE "tenants" DROP CONSTRAINT "tenants_request_id_deployment_requests_id_fk";
--> statement-breakpoint
ALTER TABLE "store_reviews" DROP CONSTRAINT "store_reviews_author_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "store_reviews" DROP CONSTRAINT "store_reviews_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "store_reviews" DROP CONSTRAINT "store_reviews_application_id_applications_id_fk";
--> statement-breakpoint
ALTER TABLE "deployment_requests" DROP CONSTRAINT "deployment_requests_requested_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "deployment_requests" DROP CONSTRAINT "deployment_requests_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "deployment_requests" DROP CONSTRAINT "deployment_requests_application_id_applications_id_fk";
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" IN ('project.transitioned', 'sponsorship.requested', 'sponsorship.decided', 'offer.made', 'offer.decided', 'comment.added', 'application.updated', 'usage.declared', 'application.version.released'));
--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_kind_check" CHECK ("notification_preferences"."kind" IN ('project.transitioned', 'sponsorship.requested', 'sponsorship.decided', 'offer.made', 'offer.decided', 'comment.added', 'application.updated', 'usage.declared', 'application.version.released'));
--> statement-breakpoint
ALTER TABLE "notification_mutes" ADD CONSTRAINT "notification_mutes_target_type_check" CHECK ("notification_mutes"."target_type" IN ('project', 'application'));
--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_target_type_check" CHECK ("follows"."target_type" IN ('project', 'application'));
--> statement-breakpoint
DROP TABLE "tenants";
--> statement-breakpoint
DROP TABLE "store_reviews";
--> statement-breakpoint
DROP TABLE "provisioning_events";
--> statement-breakpoint
DROP TABLE "deployment_requests";
