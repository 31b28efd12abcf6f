-- Undoes 0033_forge_signals.sql (statements in reverse order).
DROP TRIGGER "application_forge_signals_log_update" ON "application_forge_signals";
--> statement-breakpoint
DROP TRIGGER "application_forge_signals_log_change" ON "application_forge_signals";
--> statement-breakpoint
ALTER TABLE "application_forge_signals" DROP CONSTRAINT "application_forge_signals_application_id_applications_id_fk";
--> statement-breakpoint
DROP TABLE "application_forge_signals";
