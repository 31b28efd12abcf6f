-- User clubs (issue 16, letter §2.2.1): members and their contacts, news, meetings, wishes and one vote per office.
-- CHECK constraints widened here (each dropped below, then added again with more values):
--   follows_target_type_check, notification_mutes_target_type_check: + 'club' (a club's thread)
--   notification_preferences_kind_check, notifications_kind_check: + 'club.postPublished',
--   'club.meetingScheduled', 'clubWish.answered'
-- New: club_wishes_state_check, club_wish_votes_value_check. No existing row breaks a widened list.
CREATE TABLE "club_contacts" (
	"application_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "club_contacts_application_id_organisation_id_user_id_pk" PRIMARY KEY("application_id","organisation_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "club_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"agenda" text NOT NULL,
	"minutes" text,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "club_members" (
	"application_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"joined_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "club_members_application_id_organisation_id_pk" PRIMARY KEY("application_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "club_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "club_wish_votes" (
	"wish_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "club_wish_votes_wish_id_organisation_id_pk" PRIMARY KEY("wish_id","organisation_id"),
	CONSTRAINT "club_wish_votes_value_check" CHECK ("club_wish_votes"."value" IN ('for', 'against'))
);
--> statement-breakpoint
CREATE TABLE "club_wishes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"planned_version" text,
	"decline_reason" text,
	"author_id" uuid NOT NULL,
	"author_organisation_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "club_wishes_state_check" CHECK ("club_wishes"."state" IN ('open', 'planned', 'declined'))
);
--> statement-breakpoint
ALTER TABLE "follows" DROP CONSTRAINT "follows_target_type_check";--> statement-breakpoint
ALTER TABLE "notification_mutes" DROP CONSTRAINT "notification_mutes_target_type_check";--> statement-breakpoint
ALTER TABLE "notification_preferences" DROP CONSTRAINT "notification_preferences_kind_check";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";--> statement-breakpoint
ALTER TABLE "club_contacts" ADD CONSTRAINT "club_contacts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "club_contacts" ADD CONSTRAINT "club_contacts_member_fk" FOREIGN KEY ("application_id","organisation_id") REFERENCES "public"."club_members"("application_id","organisation_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "club_meetings" ADD CONSTRAINT "club_meetings_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "club_meetings" ADD CONSTRAINT "club_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "club_members" ADD CONSTRAINT "club_members_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "club_members" ADD CONSTRAINT "club_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "club_members" ADD CONSTRAINT "club_members_joined_by_users_id_fk" FOREIGN KEY ("joined_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "club_posts" ADD CONSTRAINT "club_posts_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "club_posts" ADD CONSTRAINT "club_posts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "club_wish_votes" ADD CONSTRAINT "club_wish_votes_wish_id_club_wishes_id_fk" FOREIGN KEY ("wish_id") REFERENCES "public"."club_wishes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "club_wish_votes" ADD CONSTRAINT "club_wish_votes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "club_wish_votes" ADD CONSTRAINT "club_wish_votes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "club_wishes" ADD CONSTRAINT "club_wishes_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "club_wishes" ADD CONSTRAINT "club_wishes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "club_wishes" ADD CONSTRAINT "club_wishes_author_organisation_id_organisations_id_fk" FOREIGN KEY ("author_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "club_meetings_application_idx" ON "club_meetings" USING btree ("application_id","held_on");--> statement-breakpoint
CREATE INDEX "club_members_office_idx" ON "club_members" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "club_posts_application_idx" ON "club_posts" USING btree ("application_id","created_at");--> statement-breakpoint
CREATE INDEX "club_wishes_application_idx" ON "club_wishes" USING btree ("application_id");--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_target_type_check" CHECK ("follows"."target_type" IN ('project', 'application', 'deploymentRequest', 'call', 'proposal', 'boardItem', 'referentApplication', 'trainingSession', 'supportTicket', 'hostingBudget', 'club'));--> statement-breakpoint
ALTER TABLE "notification_mutes" ADD CONSTRAINT "notification_mutes_target_type_check" CHECK ("notification_mutes"."target_type" IN ('project', 'application', 'deploymentRequest', 'call', 'proposal', 'boardItem', 'referentApplication', 'trainingSession', 'supportTicket', 'hostingBudget', 'club'));--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_kind_check" CHECK ("notification_preferences"."kind" IN ('project.transitioned', 'sponsorship.requested', 'sponsorship.decided', 'offer.made', 'offer.decided', 'comment.added', 'application.updated', 'usage.declared', 'application.version.released', 'deploymentRequest.transitioned', 'call.transitioned', 'call.questionAsked', 'call.questionAnswered', 'project.updated', 'proposal.transitioned', 'proposal.partnerInvited', 'boardItem.decided', 'referentApplication.submitted', 'referentApplication.transitioned', 'training.registrationChanged', 'trainingSession.transitioned', 'supportTicket.opened', 'supportTicket.transitioned', 'supportTicket.messageAdded', 'hostingBudget.thresholdReached', 'club.postPublished', 'club.meetingScheduled', 'clubWish.answered'));--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" IN ('project.transitioned', 'sponsorship.requested', 'sponsorship.decided', 'offer.made', 'offer.decided', 'comment.added', 'application.updated', 'usage.declared', 'application.version.released', 'deploymentRequest.transitioned', 'call.transitioned', 'call.questionAsked', 'call.questionAnswered', 'project.updated', 'proposal.transitioned', 'proposal.partnerInvited', 'boardItem.decided', 'referentApplication.submitted', 'referentApplication.transitioned', 'training.registrationChanged', 'trainingSession.transitioned', 'supportTicket.opened', 'supportTicket.transitioned', 'supportTicket.messageAdded', 'hostingBudget.thresholdReached', 'club.postPublished', 'club.meetingScheduled', 'clubWish.answered'));