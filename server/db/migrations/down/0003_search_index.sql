-- Undoes 0003_search_index.sql (statements in reverse order).
DROP TRIGGER applications_bump_catalogue_version ON "applications";
--> statement-breakpoint
DROP FUNCTION bump_catalogue_version();
--> statement-breakpoint
DROP INDEX "search_words_trgm_idx";
--> statement-breakpoint
DROP INDEX "applications_tags_idx";
--> statement-breakpoint
DROP INDEX "applications_search_idx";
--> statement-breakpoint
ALTER TABLE "applications" DROP COLUMN "sort_name";
--> statement-breakpoint
CREATE INDEX "search_words_trgm_idx" ON "search_words" USING gin ("word" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "applications_tags_idx" ON "applications" USING gin ("technology_tags");
--> statement-breakpoint
CREATE INDEX "applications_search_idx" ON "applications" USING gin ("search_vector");
--> statement-breakpoint
CREATE INDEX "applications_name_trgm_idx" ON "applications" USING gin (f_unaccent(lower("name")) gin_trgm_ops);
--> statement-breakpoint
DROP TABLE "catalogue_state";
