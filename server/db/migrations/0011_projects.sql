CREATE TABLE "capacity_declarations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"quarter" text NOT NULL,
	"person_days" integer NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"declared_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "capacity_declarations_person_days_check" CHECK ("capacity_declarations"."person_days" BETWEEN 0 AND 100000)
);
--> statement-breakpoint
CREATE TABLE "project_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"edited_at" timestamp with time zone,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "project_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" text DEFAULT '' NOT NULL,
	"email" text,
	"phone" text,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_contributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"person_name" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"share_percent" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"role" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_contributions_share_check" CHECK ("project_contributions"."share_percent" BETWEEN 1 AND 100),
	CONSTRAINT "project_contributions_dates_check" CHECK ("project_contributions"."ends_on" IS NULL OR "project_contributions"."ends_on" >= "project_contributions"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "project_followers" (
	"project_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_followers_project_id_user_id_pk" PRIMARY KEY("project_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "project_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"message" text NOT NULL,
	"person_days" integer,
	"state" text DEFAULT 'pending' NOT NULL,
	"rationale" text,
	"offered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "project_offers_kind_check" CHECK ("project_offers"."kind" IN ('developerCapacity', 'coFunder', 'pilotSite', 'acceptanceTester')),
	CONSTRAINT "project_offers_state_check" CHECK ("project_offers"."state" IN ('pending', 'accepted', 'declined', 'withdrawn')),
	CONSTRAINT "project_offers_person_days_check" CHECK ("project_offers"."person_days" IS NULL OR "project_offers"."person_days" BETWEEN 1 AND 10000)
);
--> statement-breakpoint
CREATE TABLE "project_offices" (
	"project_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "project_offices_project_id_organisation_id_role_pk" PRIMARY KEY("project_id","organisation_id","role"),
	CONSTRAINT "project_offices_role_check" CHECK ("project_offices"."role" IN ('developer', 'pilot'))
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"need" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"domain_code" text NOT NULL,
	"holder_organisation_id" uuid NOT NULL,
	"track" text NOT NULL,
	"phase" text DEFAULT 'needExpressed' NOT NULL,
	"suspended_from" text,
	"planned_dates" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actual_dates" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"forge_url" text,
	"transitional_procedure" boolean DEFAULT false NOT NULL,
	"transitional_application_id" uuid,
	"homologation_declared_on" date,
	"acceptance_report_signed_at" timestamp with time zone,
	"acceptance_report_reference" text,
	"acceptance_override_reason" text,
	"acceptance_override_by" uuid,
	"acceptance_override_at" timestamp with time zone,
	"application_id" uuid,
	"owning_directorate_id" uuid,
	"am_store" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('french'::regconfig, f_unaccent(coalesce(title, ''))), 'A') || setweight(to_tsvector('french'::regconfig, f_unaccent(coalesce(need, ''))), 'B') || setweight(to_tsvector('french'::regconfig, f_unaccent(coalesce(description, ''))), 'C')) STORED,
	CONSTRAINT "projects_track_check" CHECK ("projects"."track" IN ('labelling', 'homologation', 'nonStandard', 'nationalParticipation')),
	CONSTRAINT "projects_phase_check" CHECK ("projects"."phase" IN ('needExpressed', 'framing', 'development', 'acceptance', 'delivered', 'suspended', 'abandoned')),
	CONSTRAINT "projects_suspended_from_check" CHECK ("projects"."suspended_from" IN ('needExpressed', 'framing', 'development', 'acceptance')),
	CONSTRAINT "projects_am_store_check" CHECK (NOT ("projects"."am_store" AND "projects"."track" = 'nonStandard'))
);
--> statement-breakpoint
CREATE TABLE "sponsorship_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"directorate_id" uuid NOT NULL,
	"pitch" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"rationale" text,
	"requested_by" uuid,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "sponsorship_requests_state_check" CHECK ("sponsorship_requests"."state" IN ('pending', 'accepted', 'declined', 'withdrawn'))
);
--> statement-breakpoint
ALTER TABLE "capacity_declarations" ADD CONSTRAINT "capacity_declarations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_declarations" ADD CONSTRAINT "capacity_declarations_declared_by_users_id_fk" FOREIGN KEY ("declared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_comments" ADD CONSTRAINT "project_comments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_comments" ADD CONSTRAINT "project_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_contacts" ADD CONSTRAINT "project_contacts_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_contributions" ADD CONSTRAINT "project_contributions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_contributions" ADD CONSTRAINT "project_contributions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_contributions" ADD CONSTRAINT "project_contributions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_followers" ADD CONSTRAINT "project_followers_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_followers" ADD CONSTRAINT "project_followers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_offers" ADD CONSTRAINT "project_offers_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_offers" ADD CONSTRAINT "project_offers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_offers" ADD CONSTRAINT "project_offers_offered_by_users_id_fk" FOREIGN KEY ("offered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_offers" ADD CONSTRAINT "project_offers_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_offices" ADD CONSTRAINT "project_offices_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_offices" ADD CONSTRAINT "project_offices_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_domain_code_business_domains_code_fk" FOREIGN KEY ("domain_code") REFERENCES "public"."business_domains"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_holder_organisation_id_organisations_id_fk" FOREIGN KEY ("holder_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_transitional_application_id_applications_id_fk" FOREIGN KEY ("transitional_application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_acceptance_override_by_users_id_fk" FOREIGN KEY ("acceptance_override_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_owning_directorate_id_organisations_id_fk" FOREIGN KEY ("owning_directorate_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsorship_requests" ADD CONSTRAINT "sponsorship_requests_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsorship_requests" ADD CONSTRAINT "sponsorship_requests_directorate_id_organisations_id_fk" FOREIGN KEY ("directorate_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsorship_requests" ADD CONSTRAINT "sponsorship_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsorship_requests" ADD CONSTRAINT "sponsorship_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "capacity_declarations_quarter_key" ON "capacity_declarations" USING btree ("organisation_id","quarter");--> statement-breakpoint
CREATE INDEX "project_comments_project_idx" ON "project_comments" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE INDEX "project_contacts_project_idx" ON "project_contacts" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "project_contributions_project_idx" ON "project_contributions" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "project_followers_user_idx" ON "project_followers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "project_offers_project_idx" ON "project_offers" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "project_offers_live_key" ON "project_offers" USING btree ("project_id","organisation_id","kind") WHERE state IN ('pending', 'accepted');--> statement-breakpoint
CREATE INDEX "project_offices_organisation_idx" ON "project_offices" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "projects_search_idx" ON "projects" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "projects_holder_idx" ON "projects" USING btree ("holder_organisation_id");--> statement-breakpoint
CREATE INDEX "projects_application_idx" ON "projects" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "projects_updated_idx" ON "projects" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "sponsorship_requests_project_idx" ON "sponsorship_requests" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "sponsorship_requests_queue_idx" ON "sponsorship_requests" USING btree ("directorate_id","state","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sponsorship_requests_live_key" ON "sponsorship_requests" USING btree ("project_id","directorate_id") WHERE state IN ('pending', 'accepted');