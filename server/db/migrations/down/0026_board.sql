-- Undoes 0026_board.sql (statements in reverse order).
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";
--> statement-breakpoint
ALTER TABLE "notification_preferences" DROP CONSTRAINT "notification_preferences_kind_check";
--> statement-breakpoint
ALTER TABLE "notification_mutes" DROP CONSTRAINT "notification_mutes_target_type_check";
--> statement-breakpoint
ALTER TABLE "follows" DROP CONSTRAINT "follows_target_type_check";
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" IN ('project.transitioned', 'sponsorship.requested', 'sponsorship.decided', 'offer.made', 'offer.decided', 'comment.added', 'application.updated', 'usage.declared', 'application.version.released', 'deploymentRequest.transitioned', 'call.transitioned', 'call.questionAsked', 'call.questionAnswered', 'boardItem.decided'));
--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_kind_check" CHECK ("notification_preferences"."kind" IN ('project.transitioned', 'sponsorship.requested', 'sponsorship.decided', 'offer.made', 'offer.decided', 'comment.added', 'application.updated', 'usage.declared', 'application.version.released', 'deploymentRequest.transitioned', 'call.transitioned', 'call.questionAsked', 'call.questionAnswered', 'boardItem.decided'));
--> statement-breakpoint
ALTER TABLE "notification_mutes" ADD CONSTRAINT "notification_mutes_target_type_check" CHECK ("notification_mutes"."target_type" IN ('project', 'application', 'deploymentRequest', 'call', 'boardItem'));
--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_target_type_check" CHECK ("follows"."target_type" IN ('project', 'application', 'deploymentRequest', 'call', 'boardItem'));
--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";
--> statement-breakpoint
ALTER TABLE "notification_preferences" DROP CONSTRAINT "notification_preferences_kind_check";
--> statement-breakpoint
ALTER TABLE "notification_mutes" DROP CONSTRAINT "notification_mutes_target_type_check";
--> statement-breakpoint
ALTER TABLE "follows" DROP CONSTRAINT "follows_target_type_check";
--> statement-breakpoint
DROP INDEX "board_meetings_date_idx";
--> statement-breakpoint
DROP INDEX "board_items_call_key";
--> statement-breakpoint
DROP INDEX "board_items_sponsorship_key";
--> statement-breakpoint
DROP INDEX "board_items_meeting_idx";
--> statement-breakpoint
DROP INDEX "board_items_state_idx";
--> statement-breakpoint
DROP INDEX "board_decisions_search_idx";
--> statement-breakpoint
DROP INDEX "board_decisions_published_idx";
--> statement-breakpoint
DROP INDEX "board_decisions_number_key";
--> statement-breakpoint
DROP INDEX "board_decisions_item_key";
--> statement-breakpoint
ALTER TABLE "board_meetings" DROP CONSTRAINT "board_meetings_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "board_items" DROP CONSTRAINT "board_items_submitting_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "board_items" DROP CONSTRAINT "board_items_submitted_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "board_items" DROP CONSTRAINT "board_items_meeting_id_board_meetings_id_fk";
--> statement-breakpoint
ALTER TABLE "board_items" DROP CONSTRAINT "board_items_project_id_projects_id_fk";
--> statement-breakpoint
ALTER TABLE "board_items" DROP CONSTRAINT "board_items_call_id_calls_id_fk";
--> statement-breakpoint
ALTER TABLE "board_items" DROP CONSTRAINT "board_items_sponsorship_id_sponsorship_requests_id_fk";
--> statement-breakpoint
ALTER TABLE "board_decisions" DROP CONSTRAINT "board_decisions_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "board_decisions" DROP CONSTRAINT "board_decisions_item_id_board_items_id_fk";
--> statement-breakpoint
ALTER TABLE "board_decisions" DROP CONSTRAINT "board_decisions_meeting_id_board_meetings_id_fk";
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" IN ('project.transitioned', 'sponsorship.requested', 'sponsorship.decided', 'offer.made', 'offer.decided', 'comment.added', 'application.updated', 'usage.declared', 'application.version.released', 'deploymentRequest.transitioned', 'call.transitioned', 'call.questionAsked', 'call.questionAnswered', 'project.updated', 'proposal.transitioned', 'proposal.partnerInvited'));
--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_kind_check" CHECK ("notification_preferences"."kind" IN ('project.transitioned', 'sponsorship.requested', 'sponsorship.decided', 'offer.made', 'offer.decided', 'comment.added', 'application.updated', 'usage.declared', 'application.version.released', 'deploymentRequest.transitioned', 'call.transitioned', 'call.questionAsked', 'call.questionAnswered', 'project.updated', 'proposal.transitioned', 'proposal.partnerInvited'));
--> statement-breakpoint
ALTER TABLE "notification_mutes" ADD CONSTRAINT "notification_mutes_target_type_check" CHECK ("notification_mutes"."target_type" IN ('project', 'application', 'deploymentRequest', 'call', 'proposal'));
--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_target_type_check" CHECK ("follows"."target_type" IN ('project', 'application', 'deploymentRequest', 'call', 'proposal'));
--> statement-breakpoint
DROP TABLE "board_meetings";
--> statement-breakpoint
DROP TABLE "board_items";
--> statement-breakpoint
DROP TABLE "board_decisions";
--> statement-breakpoint
DROP TABLE "board_decision_counters";
