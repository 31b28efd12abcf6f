CREATE TABLE "accessibility_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"page_url" text NOT NULL,
	"description" text NOT NULL,
	"reporter_name" text,
	"email" text NOT NULL,
	"reporter_id" uuid,
	"source_key" text NOT NULL,
	"state" text DEFAULT 'received' NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accessibility_reports_state_check" CHECK ("accessibility_reports"."state" IN ('received', 'inProgress', 'answered', 'closed'))
);
--> statement-breakpoint
ALTER TABLE "follows" DROP CONSTRAINT "follows_target_type_check";--> statement-breakpoint
ALTER TABLE "notification_mutes" DROP CONSTRAINT "notification_mutes_target_type_check";--> statement-breakpoint
ALTER TABLE "notification_preferences" DROP CONSTRAINT "notification_preferences_kind_check";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";--> statement-breakpoint
ALTER TABLE "accessibility_reports" ADD CONSTRAINT "accessibility_reports_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accessibility_reports" ADD CONSTRAINT "accessibility_reports_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accessibility_reports_state_idx" ON "accessibility_reports" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "accessibility_reports_source_idx" ON "accessibility_reports" USING btree ("source_key","created_at");--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_target_type_check" CHECK ("follows"."target_type" IN ('project', 'application', 'deploymentRequest', 'call', 'proposal', 'boardItem', 'referentApplication', 'trainingSession', 'supportTicket', 'hostingBudget', 'club', 'accessibilityReport'));--> statement-breakpoint
ALTER TABLE "notification_mutes" ADD CONSTRAINT "notification_mutes_target_type_check" CHECK ("notification_mutes"."target_type" IN ('project', 'application', 'deploymentRequest', 'call', 'proposal', 'boardItem', 'referentApplication', 'trainingSession', 'supportTicket', 'hostingBudget', 'club', 'accessibilityReport'));--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_kind_check" CHECK ("notification_preferences"."kind" IN ('project.transitioned', 'sponsorship.requested', 'sponsorship.decided', 'offer.made', 'offer.decided', 'comment.added', 'application.updated', 'usage.declared', 'application.version.released', 'deploymentRequest.transitioned', 'call.transitioned', 'call.questionAsked', 'call.questionAnswered', 'project.updated', 'proposal.transitioned', 'proposal.partnerInvited', 'boardItem.decided', 'referentApplication.submitted', 'referentApplication.transitioned', 'training.registrationChanged', 'trainingSession.transitioned', 'supportTicket.opened', 'supportTicket.transitioned', 'supportTicket.messageAdded', 'hostingBudget.thresholdReached', 'club.postPublished', 'club.meetingScheduled', 'clubWish.answered', 'accessibilityReport.received'));--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" IN ('project.transitioned', 'sponsorship.requested', 'sponsorship.decided', 'offer.made', 'offer.decided', 'comment.added', 'application.updated', 'usage.declared', 'application.version.released', 'deploymentRequest.transitioned', 'call.transitioned', 'call.questionAsked', 'call.questionAnswered', 'project.updated', 'proposal.transitioned', 'proposal.partnerInvited', 'boardItem.decided', 'referentApplication.submitted', 'referentApplication.transitioned', 'training.registrationChanged', 'trainingSession.transitioned', 'supportTicket.opened', 'supportTicket.transitioned', 'supportTicket.messageAdded', 'hostingBudget.thresholdReached', 'club.postPublished', 'club.meetingScheduled', 'clubWish.answered', 'accessibilityReport.received'));