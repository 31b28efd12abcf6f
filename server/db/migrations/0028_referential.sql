CREATE TABLE "referential_pages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"current_version_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referential_pages_category_check" CHECK ("referential_pages"."category" IN ('psram', 'starterKit', 'security', 'cnil', 'hosting', 'acceptance'))
);
--> statement-breakpoint
CREATE TABLE "referential_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"page_id" uuid,
	"category" text NOT NULL,
	"base_version_id" uuid,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"rationale" text NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"author_id" uuid NOT NULL,
	"decision_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referential_proposals_state_check" CHECK ("referential_proposals"."state" IN ('open', 'accepted', 'declined')),
	CONSTRAINT "referential_proposals_category_check" CHECK ("referential_proposals"."category" IN ('psram', 'starterKit', 'security', 'cnil', 'hosting', 'acceptance'))
);
--> statement-breakpoint
CREATE TABLE "referential_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"page_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"author_id" uuid,
	"accepted_by" uuid,
	"proposal_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referential_votes" (
	"proposal_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"value" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referential_votes_proposal_id_user_id_pk" PRIMARY KEY("proposal_id","user_id"),
	CONSTRAINT "referential_votes_value_check" CHECK ("referential_votes"."value" IN ('up', 'down')),
	CONSTRAINT "referential_votes_comment_check" CHECK (length("referential_votes"."comment") <= 2000)
);
--> statement-breakpoint
ALTER TABLE "referential_proposals" ADD CONSTRAINT "referential_proposals_page_id_referential_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."referential_pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referential_proposals" ADD CONSTRAINT "referential_proposals_base_version_id_referential_versions_id_fk" FOREIGN KEY ("base_version_id") REFERENCES "public"."referential_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referential_proposals" ADD CONSTRAINT "referential_proposals_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referential_versions" ADD CONSTRAINT "referential_versions_page_id_referential_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."referential_pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referential_versions" ADD CONSTRAINT "referential_versions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referential_versions" ADD CONSTRAINT "referential_versions_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referential_votes" ADD CONSTRAINT "referential_votes_proposal_id_referential_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."referential_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referential_votes" ADD CONSTRAINT "referential_votes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "referential_pages_slug_key" ON "referential_pages" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "referential_proposals_page_idx" ON "referential_proposals" USING btree ("page_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "referential_versions_page_number_key" ON "referential_versions" USING btree ("page_id","number");