CREATE TABLE "application_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_contributors" (
	"application_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "application_contributors_application_id_organisation_id_pk" PRIMARY KEY("application_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "application_usages" (
	"application_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"since" date,
	"user_count" integer,
	"version_number" text,
	"comment" text DEFAULT '' NOT NULL,
	"declared_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_usages_application_id_organisation_id_pk" PRIMARY KEY("application_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "application_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"number" text NOT NULL,
	"released_on" date,
	"notes" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"summary" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"domain_code" text NOT NULL,
	"designer_organisation_id" uuid NOT NULL,
	"track" text NOT NULL,
	"certification_status" text NOT NULL,
	"lifecycle_stage" text NOT NULL,
	"maturity_level" integer,
	"criticality_class" text,
	"technologies" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"technology_tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"hosting" text NOT NULL,
	"personal_data" boolean DEFAULT false NOT NULL,
	"personal_data_categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"cnil_reference" text,
	"connectors" text[] DEFAULT '{}'::text[] NOT NULL,
	"forge_url" text,
	"documentation_url" text,
	"licence" text,
	"maintainer" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"support" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"keywords" text DEFAULT '' NOT NULL,
	"other_languages" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"usage_count" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('french'::regconfig, f_unaccent(coalesce(name, '') || ' ' || coalesce(code, ''))), 'A') || setweight(to_tsvector('french'::regconfig, f_unaccent(coalesce(summary, ''))), 'B') || setweight(to_tsvector('french'::regconfig, f_unaccent(coalesce(description, '') || ' ' || coalesce(keywords, ''))), 'C')) STORED
);
--> statement-breakpoint
CREATE TABLE "business_domains" (
	"code" text PRIMARY KEY NOT NULL,
	"label_fr" text NOT NULL,
	"label_en" text NOT NULL,
	"position" integer NOT NULL,
	"reference_version" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "application_attachments" ADD CONSTRAINT "application_attachments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_attachments" ADD CONSTRAINT "application_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_contributors" ADD CONSTRAINT "application_contributors_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_contributors" ADD CONSTRAINT "application_contributors_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_usages" ADD CONSTRAINT "application_usages_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_usages" ADD CONSTRAINT "application_usages_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_usages" ADD CONSTRAINT "application_usages_declared_by_users_id_fk" FOREIGN KEY ("declared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_versions" ADD CONSTRAINT "application_versions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_domain_code_business_domains_code_fk" FOREIGN KEY ("domain_code") REFERENCES "public"."business_domains"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_designer_organisation_id_organisations_id_fk" FOREIGN KEY ("designer_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_attachments_application_idx" ON "application_attachments" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "application_usages_organisation_idx" ON "application_usages" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "application_versions_number_key" ON "application_versions" USING btree ("application_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_code_key" ON "applications" USING btree ("code");--> statement-breakpoint
CREATE INDEX "applications_search_idx" ON "applications" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "applications_name_trgm_idx" ON "applications" USING gin (f_unaccent(lower("name")) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "applications_domain_idx" ON "applications" USING btree ("domain_code");--> statement-breakpoint
CREATE INDEX "applications_designer_idx" ON "applications" USING btree ("designer_organisation_id");--> statement-breakpoint
CREATE INDEX "applications_usage_idx" ON "applications" USING btree ("usage_count");--> statement-breakpoint
CREATE INDEX "applications_tags_idx" ON "applications" USING gin ("technology_tags");--> statement-breakpoint
CREATE INDEX "search_words_trgm_idx" ON "search_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_words_prefix_idx" ON "search_words" USING btree ("word" text_pattern_ops);