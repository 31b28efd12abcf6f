CREATE TABLE "catalogue_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
DROP INDEX "applications_name_trgm_idx";--> statement-breakpoint
DROP INDEX "applications_search_idx";--> statement-breakpoint
DROP INDEX "applications_tags_idx";--> statement-breakpoint
DROP INDEX "search_words_trgm_idx";--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "sort_name" text GENERATED ALWAYS AS (f_unaccent(lower(name))) STORED;--> statement-breakpoint
CREATE INDEX "applications_search_idx" ON "applications" USING gin ("search_vector") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "applications_tags_idx" ON "applications" USING gin ("technology_tags") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "search_words_trgm_idx" ON "search_words" USING gin ("word" gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
INSERT INTO "catalogue_state" ("id", "version") VALUES (1, 0) ON CONFLICT DO NOTHING;--> statement-breakpoint
-- Every statement that writes applications moves the catalogue version, in the same transaction:
-- the search index of each server process sees exactly when to reload (a committed change, never a guess).
CREATE OR REPLACE FUNCTION bump_catalogue_version() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE catalogue_state SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER applications_bump_catalogue_version
  AFTER INSERT OR UPDATE OR DELETE ON applications
  FOR EACH STATEMENT EXECUTE FUNCTION bump_catalogue_version();
