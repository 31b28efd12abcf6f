-- Undoes 0012_project_duplicate_check.sql (statements in reverse order).
ALTER TABLE "projects" DROP COLUMN "duplicate_check";
