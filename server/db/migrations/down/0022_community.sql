-- Undoes 0022_community.sql (statements in reverse order).
DROP INDEX "training_sessions_region_idx";
--> statement-breakpoint
DROP INDEX "training_registrations_session_idx";
--> statement-breakpoint
DROP INDEX "training_registrations_demand_key";
--> statement-breakpoint
DROP INDEX "training_registrations_live_key";
--> statement-breakpoint
DROP INDEX "regional_referents_region_idx";
--> statement-breakpoint
DROP INDEX "regional_referents_office_region_key";
--> statement-breakpoint
DROP INDEX "referent_applications_state_idx";
--> statement-breakpoint
DROP INDEX "referent_applications_region_key";
--> statement-breakpoint
DROP INDEX "developer_profiles_technologies_idx";
--> statement-breakpoint
DROP INDEX "developer_profiles_skills_idx";
--> statement-breakpoint
ALTER TABLE "training_sessions" DROP CONSTRAINT "training_sessions_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "training_sessions" DROP CONSTRAINT "training_sessions_trainer_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "training_registrations" DROP CONSTRAINT "training_registrations_requested_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "training_registrations" DROP CONSTRAINT "training_registrations_developer_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "training_registrations" DROP CONSTRAINT "training_registrations_session_id_training_sessions_id_fk";
--> statement-breakpoint
ALTER TABLE "regional_referents" DROP CONSTRAINT "regional_referents_named_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "regional_referents" DROP CONSTRAINT "regional_referents_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "referent_applications" DROP CONSTRAINT "referent_applications_applied_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "referent_applications" DROP CONSTRAINT "referent_applications_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "developer_profiles" DROP CONSTRAINT "developer_profiles_user_id_users_id_fk";
--> statement-breakpoint
DROP TABLE "training_sessions";
--> statement-breakpoint
DROP TABLE "training_registrations";
--> statement-breakpoint
DROP TABLE "regional_referents";
--> statement-breakpoint
DROP TABLE "referent_applications";
--> statement-breakpoint
DROP TABLE "developer_profiles";
