CREATE TABLE "acceptance_execution_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"execution_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "acceptance_execution_files_kind_check" CHECK ("acceptance_execution_files"."kind" IN ('screenshot', 'document'))
);
--> statement-breakpoint
ALTER TABLE "acceptance_execution_files" ADD CONSTRAINT "acceptance_execution_files_execution_id_acceptance_executions_id_fk" FOREIGN KEY ("execution_id") REFERENCES "public"."acceptance_executions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acceptance_execution_files" ADD CONSTRAINT "acceptance_execution_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "acceptance_execution_files_execution_idx" ON "acceptance_execution_files" USING btree ("execution_id","created_at");