-- Undoes 0016_acceptance_campaigns.sql (statements in reverse order).
DROP INDEX "acceptance_test_cases_code_key";
--> statement-breakpoint
DROP INDEX "acceptance_reports_project_idx";
--> statement-breakpoint
DROP INDEX "acceptance_reports_application_idx";
--> statement-breakpoint
DROP INDEX "acceptance_executions_campaign_idx";
--> statement-breakpoint
DROP INDEX "acceptance_executions_case_idx";
--> statement-breakpoint
DROP INDEX "acceptance_campaigns_application_idx";
--> statement-breakpoint
DROP INDEX "acceptance_campaigns_project_idx";
--> statement-breakpoint
DROP INDEX "acceptance_campaign_testers_user_idx";
--> statement-breakpoint
DROP INDEX "acceptance_anomalies_number_key";
--> statement-breakpoint
ALTER TABLE "acceptance_test_cases" DROP CONSTRAINT "acceptance_test_cases_campaign_id_acceptance_campaigns_id_fk";
--> statement-breakpoint
ALTER TABLE "acceptance_reports" DROP CONSTRAINT "acceptance_reports_signed_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "acceptance_reports" DROP CONSTRAINT "acceptance_reports_application_id_applications_id_fk";
--> statement-breakpoint
ALTER TABLE "acceptance_reports" DROP CONSTRAINT "acceptance_reports_project_id_projects_id_fk";
--> statement-breakpoint
ALTER TABLE "acceptance_reports" DROP CONSTRAINT "acceptance_reports_campaign_id_acceptance_campaigns_id_fk";
--> statement-breakpoint
ALTER TABLE "acceptance_executions" DROP CONSTRAINT "acceptance_executions_tester_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "acceptance_executions" DROP CONSTRAINT "acceptance_executions_campaign_id_acceptance_campaigns_id_fk";
--> statement-breakpoint
ALTER TABLE "acceptance_executions" DROP CONSTRAINT "acceptance_executions_case_id_acceptance_test_cases_id_fk";
--> statement-breakpoint
ALTER TABLE "acceptance_campaigns" DROP CONSTRAINT "acceptance_campaigns_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "acceptance_campaigns" DROP CONSTRAINT "acceptance_campaigns_application_id_applications_id_fk";
--> statement-breakpoint
ALTER TABLE "acceptance_campaigns" DROP CONSTRAINT "acceptance_campaigns_project_id_projects_id_fk";
--> statement-breakpoint
ALTER TABLE "acceptance_campaign_testers" DROP CONSTRAINT "acceptance_campaign_testers_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "acceptance_campaign_testers" DROP CONSTRAINT "acceptance_campaign_testers_campaign_id_acceptance_campaigns_id_fk";
--> statement-breakpoint
ALTER TABLE "acceptance_campaign_offices" DROP CONSTRAINT "acceptance_campaign_offices_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "acceptance_campaign_offices" DROP CONSTRAINT "acceptance_campaign_offices_campaign_id_acceptance_campaigns_id_fk";
--> statement-breakpoint
ALTER TABLE "acceptance_anomalies" DROP CONSTRAINT "acceptance_anomalies_raised_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "acceptance_anomalies" DROP CONSTRAINT "acceptance_anomalies_case_id_acceptance_test_cases_id_fk";
--> statement-breakpoint
ALTER TABLE "acceptance_anomalies" DROP CONSTRAINT "acceptance_anomalies_campaign_id_acceptance_campaigns_id_fk";
--> statement-breakpoint
DROP TABLE "acceptance_test_cases";
--> statement-breakpoint
DROP TABLE "acceptance_reports";
--> statement-breakpoint
DROP TABLE "acceptance_executions";
--> statement-breakpoint
DROP TABLE "acceptance_campaigns";
--> statement-breakpoint
DROP TABLE "acceptance_campaign_testers";
--> statement-breakpoint
DROP TABLE "acceptance_campaign_offices";
--> statement-breakpoint
DROP TABLE "acceptance_anomalies";
