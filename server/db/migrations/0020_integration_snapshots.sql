CREATE TABLE "integration_snapshots" (
	"system" text NOT NULL,
	"subject" text NOT NULL,
	"source" text DEFAULT 'live' NOT NULL,
	"data" jsonb,
	"cursor" text,
	"fetched_at" timestamp with time zone,
	"attempted_at" timestamp with time zone,
	"last_error" text,
	CONSTRAINT "integration_snapshots_system_subject_pk" PRIMARY KEY("system","subject"),
	CONSTRAINT "integration_snapshots_system_check" CHECK ("integration_snapshots"."system" IN ('gitlab', 'jenkins', 'composer')),
	CONSTRAINT "integration_snapshots_source_check" CHECK ("integration_snapshots"."source" IN ('live', 'demo')),
	CONSTRAINT "integration_snapshots_subject_check" CHECK (length("integration_snapshots"."subject") between 1 and 500)
);
