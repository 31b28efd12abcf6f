-- Undoes 0025_proposals.sql (statements in reverse order).
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";
--> statement-breakpoint
ALTER TABLE "notification_preferences" DROP CONSTRAINT "notification_preferences_kind_check";
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" IN ('project.transitioned', 'sponsorship.requested', 'sponsorship.decided', 'offer.made', 'offer.decided', 'comment.added', 'application.updated', 'usage.declared', 'application.version.released', 'deploymentRequest.transitioned', 'call.transitioned', 'call.questionAsked', 'call.questionAnswered', 'proposal.transitioned', 'proposal.partnerInvited'));
--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_kind_check" CHECK ("notification_preferences"."kind" IN ('project.transitioned', 'sponsorship.requested', 'sponsorship.decided', 'offer.made', 'offer.decided', 'comment.added', 'application.updated', 'usage.declared', 'application.version.released', 'deploymentRequest.transitioned', 'call.transitioned', 'call.questionAsked', 'call.questionAnswered', 'proposal.transitioned', 'proposal.partnerInvited'));
--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";
--> statement-breakpoint
ALTER TABLE "notification_preferences" DROP CONSTRAINT "notification_preferences_kind_check";
--> statement-breakpoint
ALTER TABLE "notification_mutes" DROP CONSTRAINT "notification_mutes_target_type_check";
--> statement-breakpoint
ALTER TABLE "follows" DROP CONSTRAINT "follows_target_type_check";
--> statement-breakpoint
DROP INDEX "proposal_partners_organisation_idx";
--> statement-breakpoint
DROP INDEX "call_proposals_organisation_idx";
--> statement-breakpoint
DROP INDEX "call_proposals_call_idx";
--> statement-breakpoint
DROP INDEX "call_evaluators_user_idx";
--> statement-breakpoint
ALTER TABLE "proposal_scores" DROP CONSTRAINT "proposal_scores_evaluator_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "proposal_scores" DROP CONSTRAINT "proposal_scores_proposal_id_call_proposals_id_fk";
--> statement-breakpoint
ALTER TABLE "proposal_reuses" DROP CONSTRAINT "proposal_reuses_application_id_applications_id_fk";
--> statement-breakpoint
ALTER TABLE "proposal_reuses" DROP CONSTRAINT "proposal_reuses_proposal_id_call_proposals_id_fk";
--> statement-breakpoint
ALTER TABLE "proposal_partners" DROP CONSTRAINT "proposal_partners_confirmed_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "proposal_partners" DROP CONSTRAINT "proposal_partners_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "proposal_partners" DROP CONSTRAINT "proposal_partners_proposal_id_call_proposals_id_fk";
--> statement-breakpoint
ALTER TABLE "call_selections" DROP CONSTRAINT "call_selections_applied_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "call_selections" DROP CONSTRAINT "call_selections_proposed_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "call_selections" DROP CONSTRAINT "call_selections_call_id_calls_id_fk";
--> statement-breakpoint
ALTER TABLE "call_proposals" DROP CONSTRAINT "call_proposals_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "call_proposals" DROP CONSTRAINT "call_proposals_project_id_projects_id_fk";
--> statement-breakpoint
ALTER TABLE "call_proposals" DROP CONSTRAINT "call_proposals_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "call_proposals" DROP CONSTRAINT "call_proposals_call_id_calls_id_fk";
--> statement-breakpoint
ALTER TABLE "call_evaluators" DROP CONSTRAINT "call_evaluators_named_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "call_evaluators" DROP CONSTRAINT "call_evaluators_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "call_evaluators" DROP CONSTRAINT "call_evaluators_call_id_calls_id_fk";
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" IN ('project.transitioned', 'sponsorship.requested', 'sponsorship.decided', 'offer.made', 'offer.decided', 'comment.added', 'application.updated', 'usage.declared', 'application.version.released', 'deploymentRequest.transitioned', 'call.transitioned', 'call.questionAsked', 'call.questionAnswered', 'project.updated'));
--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_kind_check" CHECK ("notification_preferences"."kind" IN ('project.transitioned', 'sponsorship.requested', 'sponsorship.decided', 'offer.made', 'offer.decided', 'comment.added', 'application.updated', 'usage.declared', 'application.version.released', 'deploymentRequest.transitioned', 'call.transitioned', 'call.questionAsked', 'call.questionAnswered', 'project.updated'));
--> statement-breakpoint
ALTER TABLE "notification_mutes" ADD CONSTRAINT "notification_mutes_target_type_check" CHECK ("notification_mutes"."target_type" IN ('project', 'application', 'deploymentRequest', 'call'));
--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_target_type_check" CHECK ("follows"."target_type" IN ('project', 'application', 'deploymentRequest', 'call'));
--> statement-breakpoint
DROP TABLE "proposal_scores";
--> statement-breakpoint
DROP TABLE "proposal_reuses";
--> statement-breakpoint
DROP TABLE "proposal_partners";
--> statement-breakpoint
DROP TABLE "call_selections";
--> statement-breakpoint
DROP TABLE "call_proposals";
--> statement-breakpoint
DROP TABLE "call_evaluators";
