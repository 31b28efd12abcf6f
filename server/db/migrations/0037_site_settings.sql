CREATE TABLE "site_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"publisher_name" text NOT NULL,
	"publisher_address" text NOT NULL,
	"publisher_identification" text,
	"publication_director" text NOT NULL,
	"host_name" text NOT NULL,
	"host_address" text NOT NULL,
	"host_phone" text,
	"dpo_contact" text,
	"data_requests_email" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "site_settings" ADD CONSTRAINT "site_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "site_settings_single_row" ON "site_settings" USING btree ((true));