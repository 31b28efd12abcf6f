CREATE TABLE "agreement_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"text_number" integer NOT NULL,
	"body" text NOT NULL,
	"author_id" uuid,
	"author_organisation_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_texts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"body" text NOT NULL,
	"author_id" uuid,
	"author_organisation_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_texts_agreement_id_number_key" UNIQUE("agreement_id","number")
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"target_kind" text NOT NULL,
	"project_id" uuid,
	"application_id" uuid,
	"national_label" text,
	"office_signatory" text NOT NULL,
	"ddo_signatory" text NOT NULL,
	"period_start" text NOT NULL,
	"period_end" text NOT NULL,
	"valuation" text NOT NULL,
	"flat_amount_cents" integer,
	"ceiling_cents" integer NOT NULL,
	"commitments" text[] DEFAULT '{}' NOT NULL,
	"commitment_note" text DEFAULT '' NOT NULL,
	"statement_frequency" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"amends_id" uuid,
	"amendment_number" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreements_amends_id_amendment_number_key" UNIQUE("amends_id","amendment_number"),
	CONSTRAINT "agreements_state_check" CHECK ("agreements"."state" IN ('draft', 'negotiation', 'approvedByOffice', 'approvedByDdo', 'active', 'closed', 'terminated')),
	CONSTRAINT "agreements_valuation_check" CHECK ("agreements"."valuation" IN ('rateTable', 'flat')),
	CONSTRAINT "agreements_target_kind_check" CHECK ("agreements"."target_kind" IN ('project', 'application', 'nationalDevelopment')),
	CONSTRAINT "agreements_target_check" CHECK (("agreements"."target_kind" = 'project') = ("agreements"."project_id" IS NOT NULL)
  AND ("agreements"."target_kind" = 'application') = ("agreements"."application_id" IS NOT NULL)
  AND ("agreements"."target_kind" = 'nationalDevelopment') = ("agreements"."national_label" IS NOT NULL)),
	CONSTRAINT "agreements_commitments_check" CHECK ("agreements"."commitments" <@ ARRAY['maintenance', 'support', 'club']::text[]),
	CONSTRAINT "agreements_statement_frequency_check" CHECK ("agreements"."statement_frequency" IN ('monthly', 'quarterly', 'semiannual', 'annual')),
	CONSTRAINT "agreements_period_check" CHECK ("agreements"."period_start" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' AND "agreements"."period_end" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' AND "agreements"."period_start" <= "agreements"."period_end"),
	CONSTRAINT "agreements_flat_amount_cents_check" CHECK (("agreements"."valuation" = 'flat') = ("agreements"."flat_amount_cents" IS NOT NULL) AND coalesce("agreements"."flat_amount_cents", 0) >= 0),
	CONSTRAINT "agreements_ceiling_cents_check" CHECK ("agreements"."ceiling_cents" >= 0),
	CONSTRAINT "agreements_amendment_number_check" CHECK (("agreements"."amends_id" IS NULL) = ("agreements"."amendment_number" = 0))
);
--> statement-breakpoint
CREATE TABLE "daily_rate_tables" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer NOT NULL,
	"effective_from" date NOT NULL,
	"rates" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"published_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "daily_rate_tables_number_unique" UNIQUE("number"),
	CONSTRAINT "daily_rate_tables_number_check" CHECK ("daily_rate_tables"."number" >= 1)
);
--> statement-breakpoint
CREATE TABLE "effort_confirmations" (
	"organisation_id" uuid NOT NULL,
	"month" text NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "effort_confirmations_organisation_id_month_pk" PRIMARY KEY("organisation_id","month"),
	CONSTRAINT "effort_confirmations_month_check" CHECK ("effort_confirmations"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
CREATE TABLE "effort_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"month" text NOT NULL,
	"activity" text NOT NULL,
	"profile" text NOT NULL,
	"target_kind" text NOT NULL,
	"project_id" uuid,
	"application_id" uuid,
	"national_label" text,
	"person_days" numeric(7, 2) NOT NULL,
	"kind" text DEFAULT 'entry' NOT NULL,
	"corrects_id" uuid,
	"reason" text,
	"source" text DEFAULT 'form' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "effort_entries_month_check" CHECK ("effort_entries"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "effort_entries_activity_check" CHECK ("effort_entries"."activity" IN ('development', 'maintenance', 'support', 'clubAnimation', 'acceptanceTesting', 'training', 'nationalProject')),
	CONSTRAINT "effort_entries_profile_check" CHECK ("effort_entries"."profile" IN ('developer', 'leadDeveloper', 'projectManager', 'tester', 'trainer')),
	CONSTRAINT "effort_entries_target_kind_check" CHECK ("effort_entries"."target_kind" IN ('project', 'application', 'nationalDevelopment')),
	CONSTRAINT "effort_entries_target_check" CHECK (("effort_entries"."target_kind" = 'project') = ("effort_entries"."project_id" IS NOT NULL)
  AND ("effort_entries"."target_kind" = 'application') = ("effort_entries"."application_id" IS NOT NULL)
  AND ("effort_entries"."target_kind" = 'nationalDevelopment') = ("effort_entries"."national_label" IS NOT NULL)),
	CONSTRAINT "effort_entries_kind_check" CHECK ("effort_entries"."kind" IN ('entry', 'correction')),
	CONSTRAINT "effort_entries_source_check" CHECK ("effort_entries"."source" IN ('form', 'import', 'demo')),
	CONSTRAINT "effort_entries_person_days_check" CHECK (CASE "effort_entries"."kind" WHEN 'entry' THEN "effort_entries"."person_days" > 0 AND "effort_entries"."corrects_id" IS NULL
        ELSE "effort_entries"."person_days" <> 0 AND "effort_entries"."corrects_id" IS NOT NULL AND "effort_entries"."reason" IS NOT NULL END)
);
--> statement-breakpoint
ALTER TABLE "agreement_comments" ADD CONSTRAINT "agreement_comments_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_comments" ADD CONSTRAINT "agreement_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_comments" ADD CONSTRAINT "agreement_comments_author_organisation_id_organisations_id_fk" FOREIGN KEY ("author_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_texts" ADD CONSTRAINT "agreement_texts_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_texts" ADD CONSTRAINT "agreement_texts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_texts" ADD CONSTRAINT "agreement_texts_author_organisation_id_organisations_id_fk" FOREIGN KEY ("author_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_amends_id_agreements_id_fk" FOREIGN KEY ("amends_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_rate_tables" ADD CONSTRAINT "daily_rate_tables_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effort_confirmations" ADD CONSTRAINT "effort_confirmations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effort_confirmations" ADD CONSTRAINT "effort_confirmations_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effort_entries" ADD CONSTRAINT "effort_entries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effort_entries" ADD CONSTRAINT "effort_entries_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effort_entries" ADD CONSTRAINT "effort_entries_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effort_entries" ADD CONSTRAINT "effort_entries_corrects_id_effort_entries_id_fk" FOREIGN KEY ("corrects_id") REFERENCES "public"."effort_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effort_entries" ADD CONSTRAINT "effort_entries_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_comments_agreement_idx" ON "agreement_comments" USING btree ("agreement_id","created_at");--> statement-breakpoint
CREATE INDEX "agreements_office_idx" ON "agreements" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "agreements_state_idx" ON "agreements" USING btree ("state");--> statement-breakpoint
CREATE INDEX "effort_entries_office_month_idx" ON "effort_entries" USING btree ("organisation_id","month");--> statement-breakpoint
CREATE INDEX "effort_entries_corrects_idx" ON "effort_entries" USING btree ("corrects_id");--> statement-breakpoint
-- Hand-written: the first version of the daily rate table (euro cents per person-day), reference data
-- every instance needs before its first statement; later versions are published through the portal.
INSERT INTO "daily_rate_tables" ("number", "effective_from", "rates", "note")
VALUES (1, '2025-01-01', '{"developer": 52000, "leadDeveloper": 61000, "projectManager": 68000, "tester": 45000, "trainer": 50000}', 'Barème initial du réseau.');
