-- Undoes 0023_calls.sql (statements in reverse order).
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";
--> statement-breakpoint
ALTER TABLE "notification_preferences" DROP CONSTRAINT "notification_preferences_kind_check";
--> statement-breakpoint
ALTER TABLE "notification_mutes" DROP CONSTRAINT "notification_mutes_target_type_check";
--> statement-breakpoint
ALTER TABLE "follows" DROP CONSTRAINT "follows_target_type_check";
--> statement-breakpoint
DROP INDEX "calls_issuer_idx";
--> statement-breakpoint
DROP INDEX "calls_state_deadline_idx";
--> statement-breakpoint
DROP INDEX "call_questions_call_idx";
--> statement-breakpoint
DROP INDEX "call_attachments_call_idx";
--> statement-breakpoint
ALTER TABLE "calls" DROP CONSTRAINT "calls_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "calls" DROP CONSTRAINT "calls_domain_code_business_domains_code_fk";
--> statement-breakpoint
ALTER TABLE "calls" DROP CONSTRAINT "calls_issuer_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "call_questions" DROP CONSTRAINT "call_questions_answered_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "call_questions" DROP CONSTRAINT "call_questions_asked_by_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "call_questions" DROP CONSTRAINT "call_questions_asked_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "call_questions" DROP CONSTRAINT "call_questions_call_id_calls_id_fk";
--> statement-breakpoint
ALTER TABLE "call_offices" DROP CONSTRAINT "call_offices_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "call_offices" DROP CONSTRAINT "call_offices_call_id_calls_id_fk";
--> statement-breakpoint
ALTER TABLE "call_attachments" DROP CONSTRAINT "call_attachments_uploaded_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "call_attachments" DROP CONSTRAINT "call_attachments_call_id_calls_id_fk";
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" IN ('project.transitioned', 'sponsorship.requested', 'sponsorship.decided', 'offer.made', 'offer.decided', 'comment.added', 'application.updated', 'usage.declared', 'application.version.released', 'deploymentRequest.transitioned'));
--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_kind_check" CHECK ("notification_preferences"."kind" IN ('project.transitioned', 'sponsorship.requested', 'sponsorship.decided', 'offer.made', 'offer.decided', 'comment.added', 'application.updated', 'usage.declared', 'application.version.released', 'deploymentRequest.transitioned'));
--> statement-breakpoint
ALTER TABLE "notification_mutes" ADD CONSTRAINT "notification_mutes_target_type_check" CHECK ("notification_mutes"."target_type" IN ('project', 'application', 'deploymentRequest'));
--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_target_type_check" CHECK ("follows"."target_type" IN ('project', 'application', 'deploymentRequest'));
--> statement-breakpoint
DROP TABLE "calls";
--> statement-breakpoint
DROP TABLE "call_questions";
--> statement-breakpoint
DROP TABLE "call_offices";
--> statement-breakpoint
DROP TABLE "call_attachments";
