CREATE TABLE "agreement_statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"period_start" text NOT NULL,
	"period_end" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"valuation" text NOT NULL,
	"rate_table_id" uuid,
	"rate_table_number" integer,
	"rates" jsonb,
	"flat_share_cents" integer,
	"ceiling_cents" integer NOT NULL,
	"lines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"confirmed_hundredths" integer NOT NULL,
	"valued_cents" integer NOT NULL,
	"already_paid_cents" integer NOT NULL,
	"payable_cents" integer NOT NULL,
	"over_cents" integer NOT NULL,
	"computed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_statements_state_check" CHECK ("agreement_statements"."state" IN ('draft', 'validated', 'withdrawn')),
	CONSTRAINT "agreement_statements_valuation_check" CHECK ("agreement_statements"."valuation" IN ('rateTable', 'flat')),
	CONSTRAINT "agreement_statements_period_check" CHECK ("agreement_statements"."period_start" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' AND "agreement_statements"."period_end" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' AND "agreement_statements"."period_start" <= "agreement_statements"."period_end"),
	CONSTRAINT "agreement_statements_rule_check" CHECK (("agreement_statements"."valuation" = 'rateTable') = ("agreement_statements"."rates" IS NOT NULL AND "agreement_statements"."rate_table_number" IS NOT NULL)
        AND ("agreement_statements"."valuation" = 'flat') = ("agreement_statements"."flat_share_cents" IS NOT NULL)),
	CONSTRAINT "agreement_statements_amounts_check" CHECK ("agreement_statements"."valued_cents" >= 0 AND "agreement_statements"."payable_cents" >= 0 AND "agreement_statements"."over_cents" >= 0 AND "agreement_statements"."already_paid_cents" >= 0
        AND "agreement_statements"."confirmed_hundredths" >= 0 AND "agreement_statements"."payable_cents" + "agreement_statements"."over_cents" = "agreement_statements"."valued_cents"
        AND "agreement_statements"."payable_cents" + "agreement_statements"."already_paid_cents" <= greatest("agreement_statements"."ceiling_cents", "agreement_statements"."already_paid_cents"))
);
--> statement-breakpoint
ALTER TABLE "agreement_statements" ADD CONSTRAINT "agreement_statements_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_statements" ADD CONSTRAINT "agreement_statements_rate_table_id_daily_rate_tables_id_fk" FOREIGN KEY ("rate_table_id") REFERENCES "public"."daily_rate_tables"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_statements" ADD CONSTRAINT "agreement_statements_computed_by_users_id_fk" FOREIGN KEY ("computed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_statements_agreement_idx" ON "agreement_statements" USING btree ("agreement_id","period_start");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_statements_live_period_key" ON "agreement_statements" USING btree ("agreement_id","period_start") WHERE "agreement_statements"."state" <> 'withdrawn';