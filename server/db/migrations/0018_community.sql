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
ALTER TABLE "developer_profiles" ADD CONSTRAINT "developer_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referent_applications" ADD CONSTRAINT "referent_applications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referent_applications" ADD CONSTRAINT "referent_applications_applied_by_users_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regional_referents" ADD CONSTRAINT "regional_referents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regional_referents" ADD CONSTRAINT "regional_referents_named_by_users_id_fk" FOREIGN KEY ("named_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "developer_profiles_skills_idx" ON "developer_profiles" USING gin ("skills");--> statement-breakpoint
CREATE INDEX "developer_profiles_technologies_idx" ON "developer_profiles" USING gin ("technologies");--> statement-breakpoint
CREATE UNIQUE INDEX "referent_applications_region_key" ON "referent_applications" USING btree ("organisation_id","region") WHERE state = 'pending';--> statement-breakpoint
CREATE INDEX "referent_applications_state_idx" ON "referent_applications" USING btree ("state");--> statement-breakpoint
CREATE UNIQUE INDEX "regional_referents_office_region_key" ON "regional_referents" USING btree ("organisation_id","region");--> statement-breakpoint
CREATE INDEX "regional_referents_region_idx" ON "regional_referents" USING btree ("region");