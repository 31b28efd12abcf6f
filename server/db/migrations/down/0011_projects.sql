-- Undoes 0011_projects.sql (statements in reverse order).
DROP INDEX "sponsorship_requests_live_key";
--> statement-breakpoint
DROP INDEX "sponsorship_requests_queue_idx";
--> statement-breakpoint
DROP INDEX "sponsorship_requests_project_idx";
--> statement-breakpoint
DROP INDEX "projects_updated_idx";
--> statement-breakpoint
DROP INDEX "projects_application_idx";
--> statement-breakpoint
DROP INDEX "projects_holder_idx";
--> statement-breakpoint
DROP INDEX "projects_search_idx";
--> statement-breakpoint
DROP INDEX "project_offices_organisation_idx";
--> statement-breakpoint
DROP INDEX "project_offers_live_key";
--> statement-breakpoint
DROP INDEX "project_offers_project_idx";
--> statement-breakpoint
DROP INDEX "project_followers_user_idx";
--> statement-breakpoint
DROP INDEX "project_contributions_project_idx";
--> statement-breakpoint
DROP INDEX "project_contacts_project_idx";
--> statement-breakpoint
DROP INDEX "project_comments_project_idx";
--> statement-breakpoint
DROP INDEX "capacity_declarations_quarter_key";
--> statement-breakpoint
ALTER TABLE "sponsorship_requests" DROP CONSTRAINT "sponsorship_requests_decided_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "sponsorship_requests" DROP CONSTRAINT "sponsorship_requests_requested_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "sponsorship_requests" DROP CONSTRAINT "sponsorship_requests_directorate_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "sponsorship_requests" DROP CONSTRAINT "sponsorship_requests_project_id_projects_id_fk";
--> statement-breakpoint
ALTER TABLE "projects" DROP CONSTRAINT "projects_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "projects" DROP CONSTRAINT "projects_owning_directorate_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "projects" DROP CONSTRAINT "projects_application_id_applications_id_fk";
--> statement-breakpoint
ALTER TABLE "projects" DROP CONSTRAINT "projects_acceptance_override_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "projects" DROP CONSTRAINT "projects_transitional_application_id_applications_id_fk";
--> statement-breakpoint
ALTER TABLE "projects" DROP CONSTRAINT "projects_holder_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "projects" DROP CONSTRAINT "projects_domain_code_business_domains_code_fk";
--> statement-breakpoint
ALTER TABLE "project_offices" DROP CONSTRAINT "project_offices_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "project_offices" DROP CONSTRAINT "project_offices_project_id_projects_id_fk";
--> statement-breakpoint
ALTER TABLE "project_offers" DROP CONSTRAINT "project_offers_decided_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "project_offers" DROP CONSTRAINT "project_offers_offered_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "project_offers" DROP CONSTRAINT "project_offers_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "project_offers" DROP CONSTRAINT "project_offers_project_id_projects_id_fk";
--> statement-breakpoint
ALTER TABLE "project_followers" DROP CONSTRAINT "project_followers_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "project_followers" DROP CONSTRAINT "project_followers_project_id_projects_id_fk";
--> statement-breakpoint
ALTER TABLE "project_contributions" DROP CONSTRAINT "project_contributions_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "project_contributions" DROP CONSTRAINT "project_contributions_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "project_contributions" DROP CONSTRAINT "project_contributions_project_id_projects_id_fk";
--> statement-breakpoint
ALTER TABLE "project_contacts" DROP CONSTRAINT "project_contacts_project_id_projects_id_fk";
--> statement-breakpoint
ALTER TABLE "project_comments" DROP CONSTRAINT "project_comments_author_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "project_comments" DROP CONSTRAINT "project_comments_project_id_projects_id_fk";
--> statement-breakpoint
ALTER TABLE "capacity_declarations" DROP CONSTRAINT "capacity_declarations_declared_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "capacity_declarations" DROP CONSTRAINT "capacity_declarations_organisation_id_organisations_id_fk";
--> statement-breakpoint
DROP TABLE "sponsorship_requests";
--> statement-breakpoint
DROP TABLE "projects";
--> statement-breakpoint
DROP TABLE "project_offices";
--> statement-breakpoint
DROP TABLE "project_offers";
--> statement-breakpoint
DROP TABLE "project_followers";
--> statement-breakpoint
DROP TABLE "project_contributions";
--> statement-breakpoint
DROP TABLE "project_contacts";
--> statement-breakpoint
DROP TABLE "project_comments";
--> statement-breakpoint
DROP TABLE "capacity_declarations";
