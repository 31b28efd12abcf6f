-- Undoes 0014_project_changes.sql (statements in reverse order).
DROP TRIGGER business_domains_log_project_change ON "business_domains";
--> statement-breakpoint
DROP TRIGGER organisations_log_project_change ON "organisations";
--> statement-breakpoint
DROP TRIGGER sponsorship_requests_log_change ON "sponsorship_requests";
--> statement-breakpoint
DROP TRIGGER project_offices_log_change ON "project_offices";
--> statement-breakpoint
DROP TRIGGER projects_log_change ON "projects";
--> statement-breakpoint
DROP FUNCTION log_project_change();
--> statement-breakpoint
DROP INDEX "project_changes_xid_idx";
--> statement-breakpoint
DROP TABLE "project_changes";
