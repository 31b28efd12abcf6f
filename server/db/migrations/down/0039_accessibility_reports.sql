-- Undoes 0036_accessibility_reports.sql (statements in reverse order): the notification kinds and targets
-- lose the accessibility report (rows naming it must be deleted first), then the table goes.
DELETE FROM "notifications" WHERE "kind" = 'accessibilityReport.received';
--> statement-breakpoint
DELETE FROM "notification_preferences" WHERE "kind" = 'accessibilityReport.received';
--> statement-breakpoint
DELETE FROM "follows" WHERE "target_type" = 'accessibilityReport';
--> statement-breakpoint
DELETE FROM "notification_mutes" WHERE "target_type" = 'accessibilityReport';
--> statement-breakpoint
ALTER TABLE "follows" DROP CONSTRAINT "follows_target_type_check";
--> statement-breakpoint
ALTER TABLE "notification_mutes" DROP CONSTRAINT "notification_mutes_target_type_check";
--> statement-breakpoint
ALTER TABLE "notification_preferences" DROP CONSTRAINT "notification_preferences_kind_check";
--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";
--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_target_type_check" CHECK ("follows"."target_type" IN ('project', 'application', 'deploymentRequest', 'call', 'proposal', 'boardItem', 'referentApplication', 'trainingSession', 'supportTicket', 'hostingBudget', 'club'));
--> statement-breakpoint
ALTER TABLE "notification_mutes" ADD CONSTRAINT "notification_mutes_target_type_check" CHECK ("notification_mutes"."target_type" IN ('project', 'application', 'deploymentRequest', 'call', 'proposal', 'boardItem', 'referentApplication', 'trainingSession', 'supportTicket', 'hostingBudget', 'club'));
--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_kind_check" CHECK ("notification_preferences"."kind" IN ('project.transitioned', 'sponsorship.requested', 'sponsorship.decided', 'offer.made', 'offer.decided', 'comment.added', 'application.updated', 'usage.declared', 'application.version.released', 'deploymentRequest.transitioned', 'call.transitioned', 'call.questionAsked', 'call.questionAnswered', 'project.updated', 'proposal.transitioned', 'proposal.partnerInvited', 'boardItem.decided', 'referentApplication.submitted', 'referentApplication.transitioned', 'training.registrationChanged', 'trainingSession.transitioned', 'supportTicket.opened', 'supportTicket.transitioned', 'supportTicket.messageAdded', 'hostingBudget.thresholdReached', 'club.postPublished', 'club.meetingScheduled', 'clubWish.answered'));
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" IN ('project.transitioned', 'sponsorship.requested', 'sponsorship.decided', 'offer.made', 'offer.decided', 'comment.added', 'application.updated', 'usage.declared', 'application.version.released', 'deploymentRequest.transitioned', 'call.transitioned', 'call.questionAsked', 'call.questionAnswered', 'project.updated', 'proposal.transitioned', 'proposal.partnerInvited', 'boardItem.decided', 'referentApplication.submitted', 'referentApplication.transitioned', 'training.registrationChanged', 'trainingSession.transitioned', 'supportTicket.opened', 'supportTicket.transitioned', 'supportTicket.messageAdded', 'hostingBudget.thresholdReached', 'club.postPublished', 'club.meetingScheduled', 'clubWish.answered'));
--> statement-breakpoint
DROP INDEX "accessibility_reports_source_idx";
--> statement-breakpoint
DROP INDEX "accessibility_reports_state_idx";
--> statement-breakpoint
ALTER TABLE "accessibility_reports" DROP CONSTRAINT "accessibility_reports_answered_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "accessibility_reports" DROP CONSTRAINT "accessibility_reports_reporter_id_users_id_fk";
--> statement-breakpoint
DROP TABLE "accessibility_reports";
