-- Undoes 0028_referential.sql (statements in reverse order).
DROP INDEX "referential_versions_page_number_key";
--> statement-breakpoint
DROP INDEX "referential_proposals_page_idx";
--> statement-breakpoint
DROP INDEX "referential_pages_slug_key";
--> statement-breakpoint
ALTER TABLE "referential_votes" DROP CONSTRAINT "referential_votes_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "referential_votes" DROP CONSTRAINT "referential_votes_proposal_id_referential_proposals_id_fk";
--> statement-breakpoint
ALTER TABLE "referential_versions" DROP CONSTRAINT "referential_versions_accepted_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "referential_versions" DROP CONSTRAINT "referential_versions_author_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "referential_versions" DROP CONSTRAINT "referential_versions_page_id_referential_pages_id_fk";
--> statement-breakpoint
ALTER TABLE "referential_proposals" DROP CONSTRAINT "referential_proposals_author_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "referential_proposals" DROP CONSTRAINT "referential_proposals_base_version_id_referential_versions_id_fk";
--> statement-breakpoint
ALTER TABLE "referential_proposals" DROP CONSTRAINT "referential_proposals_page_id_referential_pages_id_fk";
--> statement-breakpoint
DROP TABLE "referential_votes";
--> statement-breakpoint
DROP TABLE "referential_versions";
--> statement-breakpoint
DROP TABLE "referential_proposals";
--> statement-breakpoint
DROP TABLE "referential_pages";
