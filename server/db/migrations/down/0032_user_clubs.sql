-- Undoes 0032_user_clubs.sql (statements in reverse order). The follows, mutes, notifications and
-- preferences about clubs point at the tables dropped here and fit none of the narrower lists: deleted.
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";
--> statement-breakpoint
ALTER TABLE "notification_preferences" DROP CONSTRAINT "notification_preferences_kind_check";
--> statement-breakpoint
ALTER TABLE "notification_mutes" DROP CONSTRAINT "notification_mutes_target_type_check";
--> statement-breakpoint
ALTER TABLE "follows" DROP CONSTRAINT "follows_target_type_check";
--> statement-breakpoint
DROP INDEX "club_wishes_application_idx";
--> statement-breakpoint
DROP INDEX "club_posts_application_idx";
--> statement-breakpoint
DROP INDEX "club_members_office_idx";
--> statement-breakpoint
DROP INDEX "club_meetings_application_idx";
--> statement-breakpoint
ALTER TABLE "club_wishes" DROP CONSTRAINT "club_wishes_author_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "club_wishes" DROP CONSTRAINT "club_wishes_author_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "club_wishes" DROP CONSTRAINT "club_wishes_application_id_applications_id_fk";
--> statement-breakpoint
ALTER TABLE "club_wish_votes" DROP CONSTRAINT "club_wish_votes_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "club_wish_votes" DROP CONSTRAINT "club_wish_votes_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "club_wish_votes" DROP CONSTRAINT "club_wish_votes_wish_id_club_wishes_id_fk";
--> statement-breakpoint
ALTER TABLE "club_posts" DROP CONSTRAINT "club_posts_author_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "club_posts" DROP CONSTRAINT "club_posts_application_id_applications_id_fk";
--> statement-breakpoint
ALTER TABLE "club_members" DROP CONSTRAINT "club_members_joined_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "club_members" DROP CONSTRAINT "club_members_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "club_members" DROP CONSTRAINT "club_members_application_id_applications_id_fk";
--> statement-breakpoint
ALTER TABLE "club_meetings" DROP CONSTRAINT "club_meetings_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "club_meetings" DROP CONSTRAINT "club_meetings_application_id_applications_id_fk";
--> statement-breakpoint
ALTER TABLE "club_contacts" DROP CONSTRAINT "club_contacts_member_fk";
--> statement-breakpoint
ALTER TABLE "club_contacts" DROP CONSTRAINT "club_contacts_user_id_users_id_fk";
--> statement-breakpoint
DELETE FROM "notifications" WHERE "kind" IN ('club.postPublished', 'club.meetingScheduled', 'clubWish.answered');
--> statement-breakpoint
DELETE FROM "notification_preferences" WHERE "kind" IN ('club.postPublished', 'club.meetingScheduled', 'clubWish.answered');
--> statement-breakpoint
DELETE FROM "notification_mutes" WHERE "target_type" = 'club';
--> statement-breakpoint
DELETE FROM "follows" WHERE "target_type" = 'club';
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" IN ('project.transitioned', 'sponsorship.requested', 'sponsorship.decided', 'offer.made', 'offer.decided', 'comment.added', 'application.updated', 'usage.declared', 'application.version.released', 'deploymentRequest.transitioned', 'call.transitioned', 'call.questionAsked', 'call.questionAnswered', 'project.updated', 'proposal.transitioned', 'proposal.partnerInvited', 'boardItem.decided', 'referentApplication.submitted', 'referentApplication.transitioned', 'training.registrationChanged', 'trainingSession.transitioned', 'supportTicket.opened', 'supportTicket.transitioned', 'supportTicket.messageAdded', 'hostingBudget.thresholdReached'));
--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_kind_check" CHECK ("notification_preferences"."kind" IN ('project.transitioned', 'sponsorship.requested', 'sponsorship.decided', 'offer.made', 'offer.decided', 'comment.added', 'application.updated', 'usage.declared', 'application.version.released', 'deploymentRequest.transitioned', 'call.transitioned', 'call.questionAsked', 'call.questionAnswered', 'project.updated', 'proposal.transitioned', 'proposal.partnerInvited', 'boardItem.decided', 'referentApplication.submitted', 'referentApplication.transitioned', 'training.registrationChanged', 'trainingSession.transitioned', 'supportTicket.opened', 'supportTicket.transitioned', 'supportTicket.messageAdded', 'hostingBudget.thresholdReached'));
--> statement-breakpoint
ALTER TABLE "notification_mutes" ADD CONSTRAINT "notification_mutes_target_type_check" CHECK ("notification_mutes"."target_type" IN ('project', 'application', 'deploymentRequest', 'call', 'proposal', 'boardItem', 'referentApplication', 'trainingSession', 'supportTicket', 'hostingBudget'));
--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_target_type_check" CHECK ("follows"."target_type" IN ('project', 'application', 'deploymentRequest', 'call', 'proposal', 'boardItem', 'referentApplication', 'trainingSession', 'supportTicket', 'hostingBudget'));
--> statement-breakpoint
DROP TABLE "club_wishes";
--> statement-breakpoint
DROP TABLE "club_wish_votes";
--> statement-breakpoint
DROP TABLE "club_posts";
--> statement-breakpoint
DROP TABLE "club_members";
--> statement-breakpoint
DROP TABLE "club_meetings";
--> statement-breakpoint
DROP TABLE "club_contacts";
