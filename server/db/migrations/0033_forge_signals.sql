CREATE TABLE "application_forge_signals" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"build_failing" boolean DEFAULT false NOT NULL,
	"starter_kit_used" text,
	"starter_kit_source" text,
	"starter_kit_current" text,
	"starter_kit_behind" integer,
	"inactive" boolean DEFAULT false NOT NULL,
	CONSTRAINT "application_forge_signals_source_check" CHECK ("application_forge_signals"."starter_kit_source" IN ('lock', 'declared')),
	CONSTRAINT "application_forge_signals_behind_check" CHECK ("application_forge_signals"."starter_kit_behind" >= 0)
);
--> statement-breakpoint
ALTER TABLE "application_forge_signals" ADD CONSTRAINT "application_forge_signals_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Hand-written from here: a sheet's forge signals are facets of the catalogue search index, so a row
-- written, changed or removed logs the sheet's change (log_application_change of 0010 reads
-- application_id); the refresh writes only the rows that differ, so an unchanged run logs nothing.
CREATE TRIGGER application_forge_signals_log_change
  AFTER INSERT OR DELETE ON application_forge_signals
  FOR EACH ROW EXECUTE FUNCTION log_application_change();--> statement-breakpoint
CREATE TRIGGER application_forge_signals_log_update
  AFTER UPDATE ON application_forge_signals
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION log_application_change();
