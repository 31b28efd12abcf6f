ALTER TABLE "users" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "erasure_number" integer;--> statement-breakpoint
CREATE UNIQUE INDEX "users_erasure_number_key" ON "users" USING btree ("erasure_number");