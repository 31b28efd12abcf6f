-- Undoes 0035_compensation_statements.sql (statements in reverse order).
DROP INDEX "agreement_statements_live_period_key";
--> statement-breakpoint
DROP INDEX "agreement_statements_agreement_idx";
--> statement-breakpoint
ALTER TABLE "agreement_statements" DROP CONSTRAINT "agreement_statements_computed_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "agreement_statements" DROP CONSTRAINT "agreement_statements_rate_table_id_daily_rate_tables_id_fk";
--> statement-breakpoint
ALTER TABLE "agreement_statements" DROP CONSTRAINT "agreement_statements_agreement_id_agreements_id_fk";
--> statement-breakpoint
DROP TABLE "agreement_statements";
