-- Certification becomes the state of a lifecycle: the existing values are kept as its states. A value
-- the sheet's track contradicts (the form's rules forbade it, so none is expected) is reset to 'none',
-- and the reset is written in the audit trail as the system's.
WITH reset AS (
	UPDATE "applications" SET "certification_status" = 'none', "version" = "version" + 1, "updated_at" = now()
	WHERE ("certification_status" = 'labelled' AND "track" <> 'labelling')
	   OR ("certification_status" = 'homologated' AND "track" <> 'homologation')
	   OR ("certification_status" = 'inProgress' AND "track" NOT IN ('labelling', 'homologation'))
	RETURNING "id", "track"
)
INSERT INTO "audit_events" ("action", "target_type", "target_id", "actor_kind", "after", "details")
SELECT 'application.certificationReset', 'application', "id"::text, 'system',
	jsonb_build_object('certificationStatus', 'none', 'track', "track"),
	jsonb_build_object('job', 'migration 0006_certification_by_transition', 'reason', 'certification contradicted the track')
FROM reset;--> statement-breakpoint
ALTER TABLE "applications" ALTER COLUMN "certification_status" SET DEFAULT 'none';--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_certification_track_check" CHECK (("applications"."certification_status" <> 'labelled' OR "applications"."track" = 'labelling') AND ("applications"."certification_status" <> 'homologated' OR "applications"."track" = 'homologation') AND ("applications"."certification_status" <> 'inProgress' OR "applications"."track" IN ('labelling', 'homologation')));