CREATE TABLE "catalogue_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "catalogue_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"application_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP TABLE "catalogue_state" CASCADE;--> statement-breakpoint
CREATE INDEX "catalogue_changes_xid_idx" ON "catalogue_changes" USING btree ("xid");--> statement-breakpoint
-- Hand-written from here: the triggers that write the change log (search/search.changes.ts reads it).
-- They replace the statement trigger of 0003, which moved one shared row (catalogue_state) in every
-- writing transaction: writers waited for each other on that row until commit. Here each transaction
-- only inserts rows of its own (tagged with its transaction id), so writers of different applications
-- never wait for each other.
DROP TRIGGER IF EXISTS applications_bump_catalogue_version ON applications;--> statement-breakpoint
DROP FUNCTION IF EXISTS bump_catalogue_version();--> statement-breakpoint
-- An application written (created, edited, deleted), or one of its usages declared or withdrawn (its
-- "used by" offices and usage count move): the application's id.
CREATE FUNCTION log_application_change() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  old_id uuid;
  new_id uuid;
BEGIN
  IF TG_TABLE_NAME = 'applications' THEN
    IF TG_OP <> 'INSERT' THEN old_id := OLD.id; END IF;
    IF TG_OP <> 'DELETE' THEN new_id := NEW.id; END IF;
  ELSE
    IF TG_OP <> 'INSERT' THEN old_id := OLD.application_id; END IF;
    IF TG_OP <> 'DELETE' THEN new_id := NEW.application_id; END IF;
  END IF;
  INSERT INTO catalogue_changes (application_id)
  SELECT DISTINCT changed.id FROM (VALUES (old_id), (new_id)) AS changed(id) WHERE changed.id IS NOT NULL;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER applications_log_change
  AFTER INSERT OR DELETE ON applications
  FOR EACH ROW EXECUTE FUNCTION log_application_change();--> statement-breakpoint
-- An UPDATE that changed nothing (a usage count recounted to the same figure) logs nothing.
CREATE TRIGGER applications_log_update
  AFTER UPDATE ON applications
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION log_application_change();--> statement-breakpoint
CREATE TRIGGER application_usages_log_change
  AFTER INSERT OR DELETE ON application_usages
  FOR EACH ROW EXECUTE FUNCTION log_application_change();--> statement-breakpoint
-- A usage's figures (user count, version, comment) are not in the index: only a change of its keys logs.
CREATE TRIGGER application_usages_log_update
  AFTER UPDATE ON application_usages
  FOR EACH ROW WHEN ((OLD.application_id, OLD.organisation_id) IS DISTINCT FROM (NEW.application_id, NEW.organisation_id))
  EXECUTE FUNCTION log_application_change();--> statement-breakpoint
-- Reference data that the index copies onto every card (an office's code, name, region and type; a
-- business domain's labels and order) or lists (the offices, the domains): one row without an
-- application per transaction, and readers read everything again.
CREATE FUNCTION log_reference_change() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO catalogue_changes (application_id)
  SELECT NULL WHERE NOT EXISTS (
    SELECT 1 FROM catalogue_changes WHERE xid = pg_current_xact_id() AND application_id IS NULL
  );
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER organisations_log_change
  AFTER INSERT OR DELETE ON organisations
  FOR EACH ROW EXECUTE FUNCTION log_reference_change();--> statement-breakpoint
CREATE TRIGGER organisations_log_update
  AFTER UPDATE ON organisations
  FOR EACH ROW WHEN ((OLD.id, OLD.code, OLD.name, OLD.region, OLD.type) IS DISTINCT FROM (NEW.id, NEW.code, NEW.name, NEW.region, NEW.type))
  EXECUTE FUNCTION log_reference_change();--> statement-breakpoint
CREATE TRIGGER business_domains_log_change
  AFTER INSERT OR DELETE ON business_domains
  FOR EACH ROW EXECUTE FUNCTION log_reference_change();--> statement-breakpoint
CREATE TRIGGER business_domains_log_update
  AFTER UPDATE ON business_domains
  FOR EACH ROW WHEN ((OLD.code, OLD.label_fr, OLD.label_en, OLD.position) IS DISTINCT FROM (NEW.code, NEW.label_fr, NEW.label_en, NEW.position))
  EXECUTE FUNCTION log_reference_change();
