CREATE TABLE "deployment_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"application_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"expected_users" integer NOT NULL,
	"wanted_on" date NOT NULL,
	"environments" text[] NOT NULL,
	"data_protection" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deployment_requests_state_check" CHECK ("deployment_requests"."state" IN ('draft', 'submitted', 'approved', 'validated', 'provisioning', 'available', 'returned', 'provisioningFailed', 'refused', 'cancelled')),
	CONSTRAINT "deployment_requests_environments_check" CHECK ("deployment_requests"."environments" <@ ARRAY['production', 'preproduction', 'training']::text[]),
	CONSTRAINT "deployment_requests_expected_users_check" CHECK ("deployment_requests"."expected_users" BETWEEN 1 AND 1000000)
);
--> statement-breakpoint
CREATE TABLE "provisioning_events" (
	"event_id" text PRIMARY KEY NOT NULL,
	"external_id" text NOT NULL,
	"status" text NOT NULL,
	"applied" boolean NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "store_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"rating" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "store_reviews_rating_check" CHECK ("store_reviews"."rating" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE TABLE "tenants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"environments" text[] NOT NULL,
	"declared_users" integer NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"idempotency_key" text NOT NULL,
	"external_id" text,
	"access_url" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"last_error" text,
	"live_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenants_status_check" CHECK ("tenants"."status" IN ('requested', 'provisioning', 'live', 'failed')),
	CONSTRAINT "tenants_environments_check" CHECK ("tenants"."environments" <@ ARRAY['production', 'preproduction', 'training']::text[])
);
--> statement-breakpoint
ALTER TABLE "follows" DROP CONSTRAINT "follows_target_type_check";--> statement-breakpoint
ALTER TABLE "notification_mutes" DROP CONSTRAINT "notification_mutes_target_type_check";--> statement-breakpoint
ALTER TABLE "notification_preferences" DROP CONSTRAINT "notification_preferences_kind_check";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";--> statement-breakpoint
ALTER TABLE "deployment_requests" ADD CONSTRAINT "deployment_requests_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployment_requests" ADD CONSTRAINT "deployment_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployment_requests" ADD CONSTRAINT "deployment_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_reviews" ADD CONSTRAINT "store_reviews_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_reviews" ADD CONSTRAINT "store_reviews_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_reviews" ADD CONSTRAINT "store_reviews_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_request_id_deployment_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."deployment_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "deployment_requests_reference_key" ON "deployment_requests" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "deployment_requests_application_idx" ON "deployment_requests" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "deployment_requests_organisation_idx" ON "deployment_requests" USING btree ("organisation_id","state");--> statement-breakpoint
CREATE INDEX "deployment_requests_state_idx" ON "deployment_requests" USING btree ("state");--> statement-breakpoint
CREATE UNIQUE INDEX "store_reviews_office_key" ON "store_reviews" USING btree ("application_id","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tenants_request_key" ON "tenants" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tenants_idempotency_key" ON "tenants" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "tenants_application_idx" ON "tenants" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "tenants_status_idx" ON "tenants" USING btree ("status");--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_target_type_check" CHECK ("follows"."target_type" IN ('project', 'application', 'deploymentRequest'));--> statement-breakpoint
ALTER TABLE "notification_mutes" ADD CONSTRAINT "notification_mutes_target_type_check" CHECK ("notification_mutes"."target_type" IN ('project', 'application', 'deploymentRequest'));--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_kind_check" CHECK ("notification_preferences"."kind" IN ('project.transitioned', 'sponsorship.requested', 'sponsorship.decided', 'offer.made', 'offer.decided', 'comment.added', 'application.updated', 'usage.declared', 'application.version.released', 'deploymentRequest.transitioned'));--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" IN ('project.transitioned', 'sponsorship.requested', 'sponsorship.decided', 'offer.made', 'offer.decided', 'comment.added', 'application.updated', 'usage.declared', 'application.version.released', 'deploymentRequest.transitioned'));