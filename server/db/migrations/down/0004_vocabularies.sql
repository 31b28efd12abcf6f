-- Undoes 0004_vocabularies.sql (statements in reverse order).
ALTER TABLE "users" DROP CONSTRAINT "users_status_check";
--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_roles_check";
--> statement-breakpoint
ALTER TABLE "organisations" DROP CONSTRAINT "organisations_region_check";
--> statement-breakpoint
ALTER TABLE "organisations" DROP CONSTRAINT "organisations_type_check";
--> statement-breakpoint
ALTER TABLE "applications" DROP CONSTRAINT "applications_personal_data_categories_check";
--> statement-breakpoint
ALTER TABLE "applications" DROP CONSTRAINT "applications_hosting_check";
--> statement-breakpoint
ALTER TABLE "applications" DROP CONSTRAINT "applications_criticality_class_check";
--> statement-breakpoint
ALTER TABLE "applications" DROP CONSTRAINT "applications_maturity_level_check";
--> statement-breakpoint
ALTER TABLE "applications" DROP CONSTRAINT "applications_lifecycle_stage_check";
--> statement-breakpoint
ALTER TABLE "applications" DROP CONSTRAINT "applications_certification_status_check";
--> statement-breakpoint
ALTER TABLE "applications" DROP CONSTRAINT "applications_track_check";
--> statement-breakpoint
ALTER TABLE "application_attachments" DROP CONSTRAINT "application_attachments_kind_check";
