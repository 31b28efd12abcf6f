-- Undoes 0010_catalogue_changes.sql (statements in reverse order).
DROP TRIGGER business_domains_log_update ON "business_domains";
--> statement-breakpoint
DROP TRIGGER business_domains_log_change ON "business_domains";
--> statement-breakpoint
DROP TRIGGER organisations_log_update ON "organisations";
--> statement-breakpoint
DROP TRIGGER organisations_log_change ON "organisations";
--> statement-breakpoint
DROP FUNCTION log_reference_change();
--> statement-breakpoint
DROP TRIGGER application_usages_log_update ON "application_usages";
--> statement-breakpoint
DROP TRIGGER application_usages_log_change ON "application_usages";
--> statement-breakpoint
DROP TRIGGER applications_log_update ON "applications";
--> statement-breakpoint
DROP TRIGGER applications_log_change ON "applications";
--> statement-breakpoint
DROP FUNCTION log_application_change();
--> statement-breakpoint
DROP INDEX "catalogue_changes_xid_idx";
--> statement-breakpoint
DROP TABLE "catalogue_changes";
--> statement-breakpoint
-- Hand-written: the version counter of 0003 and its statement trigger come back (the search index of
-- that release reloads on its first read, whatever the version).
CREATE TABLE "catalogue_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO "catalogue_state" ("id", "version") VALUES (1, 0);
--> statement-breakpoint
CREATE FUNCTION bump_catalogue_version() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE catalogue_state SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER applications_bump_catalogue_version
  AFTER INSERT OR UPDATE OR DELETE ON applications
  FOR EACH STATEMENT EXECUTE FUNCTION bump_catalogue_version();
