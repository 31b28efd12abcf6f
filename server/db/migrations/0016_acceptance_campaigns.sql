CREATE TABLE "acceptance_anomalies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"case_id" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"severity" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"fixed_in_version" text,
	"raised_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "acceptance_anomalies_severity_check" CHECK ("acceptance_anomalies"."severity" IN ('blocking', 'major', 'minor')),
	CONSTRAINT "acceptance_anomalies_status_check" CHECK ("acceptance_anomalies"."status" IN ('open', 'fixed', 'closed', 'rejected')),
	CONSTRAINT "acceptance_anomalies_fixed_in_version_check" CHECK ("acceptance_anomalies"."status" <> 'fixed' OR "acceptance_anomalies"."fixed_in_version" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "acceptance_campaign_offices" (
	"campaign_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "acceptance_campaign_offices_campaign_id_organisation_id_pk" PRIMARY KEY("campaign_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "acceptance_campaign_testers" (
	"campaign_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "acceptance_campaign_testers_campaign_id_user_id_pk" PRIMARY KEY("campaign_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "acceptance_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"project_id" uuid,
	"application_id" uuid,
	"track" text NOT NULL,
	"version_label" text NOT NULL,
	"runner_kind" text NOT NULL,
	"state" text DEFAULT 'planned' NOT NULL,
	"planned_start" date,
	"planned_end" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "acceptance_campaigns_state_check" CHECK ("acceptance_campaigns"."state" IN ('planned', 'inProgress', 'reportRequested', 'accepted', 'acceptedWithReservations', 'refused', 'cancelled')),
	CONSTRAINT "acceptance_campaigns_track_check" CHECK ("acceptance_campaigns"."track" IN ('labelling', 'homologation')),
	CONSTRAINT "acceptance_campaigns_runner_kind_check" CHECK ("acceptance_campaigns"."runner_kind" IN ('officeGroup', 'nationalCentre')),
	CONSTRAINT "acceptance_campaigns_subject_check" CHECK (("acceptance_campaigns"."project_id" IS NOT NULL) OR ("acceptance_campaigns"."application_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "acceptance_executions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"result" text NOT NULL,
	"tester_id" uuid NOT NULL,
	"executed_on" date NOT NULL,
	"version_label" text,
	"comment" text DEFAULT '' NOT NULL,
	"evidence_urls" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "acceptance_executions_result_check" CHECK ("acceptance_executions"."result" IN ('passed', 'failed', 'blocked'))
);
--> statement-breakpoint
CREATE TABLE "acceptance_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"number" text NOT NULL,
	"decision" text NOT NULL,
	"project_id" uuid,
	"application_id" uuid,
	"version_label" text NOT NULL,
	"figures" jsonb NOT NULL,
	"reservations" jsonb NOT NULL,
	"observations" text,
	"to_fix" text,
	"signed_by" uuid NOT NULL,
	"signer_name" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"pdf" "bytea" NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"certificate_sha256" text NOT NULL,
	CONSTRAINT "acceptance_reports_campaign_id_unique" UNIQUE("campaign_id"),
	CONSTRAINT "acceptance_reports_number_unique" UNIQUE("number"),
	CONSTRAINT "acceptance_reports_decision_check" CHECK ("acceptance_reports"."decision" IN ('accepted', 'acceptedWithReservations', 'refused'))
);
--> statement-breakpoint
CREATE TABLE "acceptance_test_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"steps" text DEFAULT '' NOT NULL,
	"expected_result" text DEFAULT '' NOT NULL,
	"requirement_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"functional_areas" text[] DEFAULT '{}'::text[] NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "acceptance_anomalies" ADD CONSTRAINT "acceptance_anomalies_campaign_id_acceptance_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."acceptance_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acceptance_anomalies" ADD CONSTRAINT "acceptance_anomalies_case_id_acceptance_test_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."acceptance_test_cases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acceptance_anomalies" ADD CONSTRAINT "acceptance_anomalies_raised_by_users_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acceptance_campaign_offices" ADD CONSTRAINT "acceptance_campaign_offices_campaign_id_acceptance_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."acceptance_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acceptance_campaign_offices" ADD CONSTRAINT "acceptance_campaign_offices_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acceptance_campaign_testers" ADD CONSTRAINT "acceptance_campaign_testers_campaign_id_acceptance_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."acceptance_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acceptance_campaign_testers" ADD CONSTRAINT "acceptance_campaign_testers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acceptance_campaigns" ADD CONSTRAINT "acceptance_campaigns_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acceptance_campaigns" ADD CONSTRAINT "acceptance_campaigns_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acceptance_campaigns" ADD CONSTRAINT "acceptance_campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acceptance_executions" ADD CONSTRAINT "acceptance_executions_case_id_acceptance_test_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."acceptance_test_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acceptance_executions" ADD CONSTRAINT "acceptance_executions_campaign_id_acceptance_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."acceptance_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acceptance_executions" ADD CONSTRAINT "acceptance_executions_tester_id_users_id_fk" FOREIGN KEY ("tester_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acceptance_reports" ADD CONSTRAINT "acceptance_reports_campaign_id_acceptance_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."acceptance_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acceptance_reports" ADD CONSTRAINT "acceptance_reports_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acceptance_reports" ADD CONSTRAINT "acceptance_reports_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acceptance_reports" ADD CONSTRAINT "acceptance_reports_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acceptance_test_cases" ADD CONSTRAINT "acceptance_test_cases_campaign_id_acceptance_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."acceptance_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "acceptance_anomalies_number_key" ON "acceptance_anomalies" USING btree ("campaign_id","number");--> statement-breakpoint
CREATE INDEX "acceptance_campaign_testers_user_idx" ON "acceptance_campaign_testers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "acceptance_campaigns_project_idx" ON "acceptance_campaigns" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "acceptance_campaigns_application_idx" ON "acceptance_campaigns" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "acceptance_executions_case_idx" ON "acceptance_executions" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "acceptance_executions_campaign_idx" ON "acceptance_executions" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "acceptance_reports_application_idx" ON "acceptance_reports" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "acceptance_reports_project_idx" ON "acceptance_reports" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "acceptance_test_cases_code_key" ON "acceptance_test_cases" USING btree ("campaign_id","code");