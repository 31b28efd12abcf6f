-- Undoes 0036_user_erasure.sql (statements in reverse order).
DROP INDEX "users_erasure_number_key";
--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "erasure_number";
--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "erased_at";
