CREATE TABLE "developer_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"headline" text,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"technologies" text[] DEFAULT '{}'::text[] NOT NULL,
	"application_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"project_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"available_for_collaboration" boolean DEFAULT false NOT NULL,
	"availability_note" text,
	"trained_at" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referent_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"region" text NOT NULL,
	"motivation" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"applied_by" uuid,
	"decision_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referent_applications_region_check" CHECK ("referent_applications"."region" IN ('auvergne-rhone-alpes', 'bourgogne-franche-comte', 'bretagne', 'centre-val-de-loire', 'corse', 'grand-est', 'hauts-de-france', 'ile-de-france', 'normandie', 'nouvelle-aquitaine', 'occitanie', 'pays-de-la-loire', 'provence-alpes-cote-d-azur', 'guadeloupe', 'martinique', 'guyane', 'la-reunion', 'mayotte')),
	CONSTRAINT "referent_applications_state_check" CHECK ("referent_applications"."state" IN ('pending', 'accepted', 'refused', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "regional_referents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"region" text NOT NULL,
	"named_by" uuid,
	"named_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "regional_referents_region_check" CHECK ("regional_referents"."region" IN ('auvergne-rhone-alpes', 'bourgogne-franche-comte', 'bretagne', 'centre-val-de-loire', 'corse', 'grand-est', 'hauts-de-france', 'ile-de-france', 'normandie', 'nouvelle-aquitaine', 'occitanie', 'pays-de-la-loire', 'provence-alpes-cote-d-azur', 'guadeloupe', 'martinique', 'guyane', 'la-reunion', 'mayotte'))
);
--> statement-breakpoint
CREATE TABLE "training_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid,
	"region" text NOT NULL,
	"developer_user_id" uuid NOT NULL,
	"requested_by" uuid,
	"status" text NOT NULL,
	"prerequisites" jsonb NOT NULL,
	"prerequisites_checked_at" timestamp with time zone,
	"reason" text,
	"note" text,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_registrations_region_check" CHECK ("training_registrations"."region" IN ('auvergne-rhone-alpes', 'bourgogne-franche-comte', 'bretagne', 'centre-val-de-loire', 'corse', 'grand-est', 'hauts-de-france', 'ile-de-france', 'normandie', 'nouvelle-aquitaine', 'occitanie', 'pays-de-la-loire', 'provence-alpes-cote-d-azur', 'guadeloupe', 'martinique', 'guyane', 'la-reunion', 'mayotte')),
	CONSTRAINT "training_registrations_status_check" CHECK ("training_registrations"."status" IN ('registered', 'waitlisted', 'attended', 'absent', 'cancelled', 'refused', 'demand'))
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region" text NOT NULL,
	"title" text NOT NULL,
	"mode" text NOT NULL,
	"place" text,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"capacity" integer NOT NULL,
	"trainer_organisation_id" uuid NOT NULL,
	"state" text DEFAULT 'published' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_sessions_region_check" CHECK ("training_sessions"."region" IN ('auvergne-rhone-alpes', 'bourgogne-franche-comte', 'bretagne', 'centre-val-de-loire', 'corse', 'grand-est', 'hauts-de-france', 'ile-de-france', 'normandie', 'nouvelle-aquitaine', 'occitanie', 'pays-de-la-loire', 'provence-alpes-cote-d-azur', 'guadeloupe', 'martinique', 'guyane', 'la-reunion', 'mayotte')),
	CONSTRAINT "training_sessions_mode_check" CHECK ("training_sessions"."mode" IN ('onSite', 'remote')),
	CONSTRAINT "training_sessions_state_check" CHECK ("training_sessions"."state" IN ('published', 'completed', 'cancelled')),
	CONSTRAINT "training_sessions_capacity_check" CHECK ("training_sessions"."capacity" > 0),
	CONSTRAINT "training_sessions_dates_check" CHECK ("training_sessions"."ends_on" >= "training_sessions"."starts_on")
);
--> statement-breakpoint
ALTER TABLE "developer_profiles" ADD CONSTRAINT "developer_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referent_applications" ADD CONSTRAINT "referent_applications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referent_applications" ADD CONSTRAINT "referent_applications_applied_by_users_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regional_referents" ADD CONSTRAINT "regional_referents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regional_referents" ADD CONSTRAINT "regional_referents_named_by_users_id_fk" FOREIGN KEY ("named_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_registrations" ADD CONSTRAINT "training_registrations_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_registrations" ADD CONSTRAINT "training_registrations_developer_user_id_users_id_fk" FOREIGN KEY ("developer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_registrations" ADD CONSTRAINT "training_registrations_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_trainer_organisation_id_organisations_id_fk" FOREIGN KEY ("trainer_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "developer_profiles_skills_idx" ON "developer_profiles" USING gin ("skills");--> statement-breakpoint
CREATE INDEX "developer_profiles_technologies_idx" ON "developer_profiles" USING gin ("technologies");--> statement-breakpoint
CREATE UNIQUE INDEX "referent_applications_region_key" ON "referent_applications" USING btree ("organisation_id","region") WHERE state = 'pending';--> statement-breakpoint
CREATE INDEX "referent_applications_state_idx" ON "referent_applications" USING btree ("state");--> statement-breakpoint
CREATE UNIQUE INDEX "regional_referents_office_region_key" ON "regional_referents" USING btree ("organisation_id","region");--> statement-breakpoint
CREATE INDEX "regional_referents_region_idx" ON "regional_referents" USING btree ("region");--> statement-breakpoint
CREATE UNIQUE INDEX "training_registrations_live_key" ON "training_registrations" USING btree ("session_id","developer_user_id") WHERE status IN ('registered', 'waitlisted', 'attended', 'absent');--> statement-breakpoint
CREATE UNIQUE INDEX "training_registrations_demand_key" ON "training_registrations" USING btree ("region","developer_user_id") WHERE status = 'demand';--> statement-breakpoint
CREATE INDEX "training_registrations_session_idx" ON "training_registrations" USING btree ("session_id","status");--> statement-breakpoint
CREATE INDEX "training_sessions_region_idx" ON "training_sessions" USING btree ("region","starts_on");