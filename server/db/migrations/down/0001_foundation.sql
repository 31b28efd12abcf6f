-- Undoes 0001_foundation.sql (statements in reverse order).
DROP INDEX "users_organisation_idx";
--> statement-breakpoint
DROP INDEX "users_email_key";
--> statement-breakpoint
DROP INDEX "sessions_user_idx";
--> statement-breakpoint
DROP INDEX "organisations_region_idx";
--> statement-breakpoint
DROP INDEX "organisations_type_idx";
--> statement-breakpoint
DROP INDEX "organisations_code_key";
--> statement-breakpoint
DROP INDEX "login_attempts_ip_idx";
--> statement-breakpoint
DROP INDEX "login_attempts_email_idx";
--> statement-breakpoint
DROP INDEX "audit_events_action_idx";
--> statement-breakpoint
DROP INDEX "audit_events_target_idx";
--> statement-breakpoint
DROP INDEX "audit_events_actor_idx";
--> statement-breakpoint
DROP INDEX "audit_events_occurred_idx";
--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_actor_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_actor_user_id_users_id_fk";
--> statement-breakpoint
DROP TABLE "users";
--> statement-breakpoint
DROP TABLE "sessions";
--> statement-breakpoint
DROP TABLE "organisations";
--> statement-breakpoint
DROP TABLE "login_attempts";
--> statement-breakpoint
DROP TABLE "audit_events";
