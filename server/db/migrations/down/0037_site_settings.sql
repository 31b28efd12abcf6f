-- Undoes 0036_site_settings.sql (statements in reverse order).
DROP INDEX "site_settings_single_row";
--> statement-breakpoint
ALTER TABLE "site_settings" DROP CONSTRAINT "site_settings_updated_by_users_id_fk";
--> statement-breakpoint
DROP TABLE "site_settings";
