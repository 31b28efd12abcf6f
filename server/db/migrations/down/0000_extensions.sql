-- Undoes 0000_extensions.sql (statements in reverse order).
DROP FUNCTION f_unaccent(text);
--> statement-breakpoint
DROP EXTENSION IF EXISTS pg_trgm;
--> statement-breakpoint
DROP EXTENSION IF EXISTS unaccent;
