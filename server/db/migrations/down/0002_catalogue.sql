-- Undoes 0002_catalogue.sql (statements in reverse order).
DROP INDEX "search_words_prefix_idx";
--> statement-breakpoint
DROP INDEX "search_words_trgm_idx";
--> statement-breakpoint
DROP INDEX "applications_tags_idx";
--> statement-breakpoint
DROP INDEX "applications_usage_idx";
--> statement-breakpoint
DROP INDEX "applications_designer_idx";
--> statement-breakpoint
DROP INDEX "applications_domain_idx";
--> statement-breakpoint
DROP INDEX "applications_name_trgm_idx";
--> statement-breakpoint
DROP INDEX "applications_search_idx";
--> statement-breakpoint
DROP INDEX "applications_code_key";
--> statement-breakpoint
DROP INDEX "application_versions_number_key";
--> statement-breakpoint
DROP INDEX "application_usages_organisation_idx";
--> statement-breakpoint
DROP INDEX "application_attachments_application_idx";
--> statement-breakpoint
ALTER TABLE "applications" DROP CONSTRAINT "applications_updated_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "applications" DROP CONSTRAINT "applications_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "applications" DROP CONSTRAINT "applications_designer_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "applications" DROP CONSTRAINT "applications_domain_code_business_domains_code_fk";
--> statement-breakpoint
ALTER TABLE "application_versions" DROP CONSTRAINT "application_versions_application_id_applications_id_fk";
--> statement-breakpoint
ALTER TABLE "application_usages" DROP CONSTRAINT "application_usages_declared_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "application_usages" DROP CONSTRAINT "application_usages_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "application_usages" DROP CONSTRAINT "application_usages_application_id_applications_id_fk";
--> statement-breakpoint
ALTER TABLE "application_contributors" DROP CONSTRAINT "application_contributors_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "application_contributors" DROP CONSTRAINT "application_contributors_application_id_applications_id_fk";
--> statement-breakpoint
ALTER TABLE "application_attachments" DROP CONSTRAINT "application_attachments_uploaded_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "application_attachments" DROP CONSTRAINT "application_attachments_application_id_applications_id_fk";
--> statement-breakpoint
DROP TABLE "search_words";
--> statement-breakpoint
DROP TABLE "business_domains";
--> statement-breakpoint
DROP TABLE "applications";
--> statement-breakpoint
DROP TABLE "application_versions";
--> statement-breakpoint
DROP TABLE "application_usages";
--> statement-breakpoint
DROP TABLE "application_contributors";
--> statement-breakpoint
DROP TABLE "application_attachments";
