CREATE TABLE "project_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "project_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "project_changes_xid_idx" ON "project_changes" USING btree ("xid");--> statement-breakpoint
-- Hand-written from here: the triggers that write the projects' change log (projects-snapshot.queries.ts
-- reads it). One row per writing transaction, whatever it wrote: the readers of projects read them all
-- again (one statement: 0.3–0.5 s at 10,000 projects, after a write), so which project changed is not
-- recorded. Each transaction inserts a row of its own (no shared row): writers never wait for each other.
CREATE FUNCTION log_project_change() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO project_changes (xid)
  SELECT pg_current_xact_id() WHERE NOT EXISTS (
    SELECT 1 FROM project_changes WHERE xid = pg_current_xact_id()
  );
  RETURN NULL;
END $$;--> statement-breakpoint
-- A project, its developer and pilot offices (the "needs developers" facet, the cards), its sponsorships
-- (the cards say whether one is accepted).
CREATE TRIGGER projects_log_change
  AFTER INSERT OR UPDATE OR DELETE ON projects
  FOR EACH STATEMENT EXECUTE FUNCTION log_project_change();--> statement-breakpoint
CREATE TRIGGER project_offices_log_change
  AFTER INSERT OR UPDATE OR DELETE ON project_offices
  FOR EACH STATEMENT EXECUTE FUNCTION log_project_change();--> statement-breakpoint
CREATE TRIGGER sponsorship_requests_log_change
  AFTER INSERT OR UPDATE OR DELETE ON sponsorship_requests
  FOR EACH STATEMENT EXECUTE FUNCTION log_project_change();--> statement-breakpoint
-- Reference data copied with each project: the offices' code, name, type and region, the domain's label.
CREATE TRIGGER organisations_log_project_change
  AFTER INSERT OR UPDATE OR DELETE ON organisations
  FOR EACH STATEMENT EXECUTE FUNCTION log_project_change();--> statement-breakpoint
CREATE TRIGGER business_domains_log_project_change
  AFTER INSERT OR UPDATE OR DELETE ON business_domains
  FOR EACH STATEMENT EXECUTE FUNCTION log_project_change();
