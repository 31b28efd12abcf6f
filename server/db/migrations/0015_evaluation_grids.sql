CREATE TABLE "evaluation_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"requirement_code" text NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"links" text[] DEFAULT '{}'::text[] NOT NULL,
	"answered_by" uuid,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"review" text DEFAULT 'pending' NOT NULL,
	"review_comment" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "evaluation_answers_status_check" CHECK ("evaluation_answers"."status" IN ('met', 'partlyMet', 'notMet', 'notApplicable')),
	CONSTRAINT "evaluation_answers_review_check" CHECK ("evaluation_answers"."review" IN ('pending', 'validated', 'returned')),
	CONSTRAINT "evaluation_answers_reason_check" CHECK ("evaluation_answers"."status" <> 'notApplicable' OR coalesce(length("evaluation_answers"."reason"), 0) > 0)
);
--> statement-breakpoint
CREATE TABLE "evaluation_evidence_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"answer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_evidence_files_kind_check" CHECK ("evaluation_evidence_files"."kind" IN ('screenshot', 'document'))
);
--> statement-breakpoint
CREATE TABLE "evaluation_grid_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"grid_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "evaluation_grid_versions_state_check" CHECK ("evaluation_grid_versions"."state" IN ('draft', 'published', 'superseded'))
);
--> statement-breakpoint
CREATE TABLE "evaluation_grids" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_grids_kind_unique" UNIQUE("kind"),
	CONSTRAINT "evaluation_grids_kind_check" CHECK ("evaluation_grids"."kind" IN ('labelling', 'homologation', 'transitional'))
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"grid_version_id" uuid NOT NULL,
	"project_id" uuid,
	"application_id" uuid,
	"track" text NOT NULL,
	"profile" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "evaluations_project_id_unique" UNIQUE("project_id"),
	CONSTRAINT "evaluations_application_id_unique" UNIQUE("application_id"),
	CONSTRAINT "evaluations_track_check" CHECK ("evaluations"."track" IN ('labelling', 'homologation')),
	CONSTRAINT "evaluations_subject_check" CHECK (("evaluations"."project_id" IS NULL) <> ("evaluations"."application_id" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "evaluation_answers" ADD CONSTRAINT "evaluation_answers_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_answers" ADD CONSTRAINT "evaluation_answers_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_answers" ADD CONSTRAINT "evaluation_answers_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_evidence_files" ADD CONSTRAINT "evaluation_evidence_files_answer_id_evaluation_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."evaluation_answers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_evidence_files" ADD CONSTRAINT "evaluation_evidence_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_grid_versions" ADD CONSTRAINT "evaluation_grid_versions_grid_id_evaluation_grids_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."evaluation_grids"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_grid_versions" ADD CONSTRAINT "evaluation_grid_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_grid_version_id_evaluation_grid_versions_id_fk" FOREIGN KEY ("grid_version_id") REFERENCES "public"."evaluation_grid_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_answers_requirement_key" ON "evaluation_answers" USING btree ("evaluation_id","requirement_code");--> statement-breakpoint
CREATE INDEX "evaluation_evidence_files_answer_idx" ON "evaluation_evidence_files" USING btree ("answer_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_grid_versions_number_key" ON "evaluation_grid_versions" USING btree ("grid_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_grid_versions_one_draft_key" ON "evaluation_grid_versions" USING btree ("grid_id") WHERE state = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_grid_versions_one_published_key" ON "evaluation_grid_versions" USING btree ("grid_id") WHERE state = 'published';--> statement-breakpoint
CREATE INDEX "evaluations_grid_version_idx" ON "evaluations" USING btree ("grid_version_id");--> statement-breakpoint
-- Hand-written: a grid version leaves the draft state frozen. Its content is what the evaluations
-- started on it were answered against, so no UPDATE may change it once published (nor once superseded).
CREATE FUNCTION evaluation_grid_versions_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.state <> 'draft' AND NEW.content IS DISTINCT FROM OLD.content THEN
    RAISE EXCEPTION 'published grid version is frozen'
      USING ERRCODE = 'check_violation', TABLE = 'evaluation_grid_versions',
            CONSTRAINT = 'evaluation_grid_versions_content_check';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER evaluation_grid_versions_frozen BEFORE UPDATE ON evaluation_grid_versions
  FOR EACH ROW EXECUTE FUNCTION evaluation_grid_versions_frozen();
