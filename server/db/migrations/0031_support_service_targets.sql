ALTER TABLE "support_tickets" ADD COLUMN "level1_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "support_tickets" ADD COLUMN "level1_answered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "support_tickets" ADD COLUMN "level2_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "support_tickets" ADD COLUMN "level2_answered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "support_tickets" ADD COLUMN "referential_proposal_id" uuid;--> statement-breakpoint
ALTER TABLE "support_tickets" ADD CONSTRAINT "support_tickets_referential_proposal_id_referential_proposals_id_fk" FOREIGN KEY ("referential_proposal_id") REFERENCES "public"."referential_proposals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "support_tickets_referential_proposal_key" ON "support_tickets" USING btree ("referential_proposal_id");--> statement-breakpoint
-- Hand-written: the tickets opened before the service targets get theirs, computed as
-- common/support/service-targets.ts does — the end (in Paris) of the second working day after the day a
-- level took the ticket, weekends and French public holidays excluded (Easter by the anonymous Gregorian
-- computus). Level 1 answered by its first message, escalation or resolution; level 2 by its resolution.
WITH computus AS (
  SELECT y, a, b % 4 AS e, c / 4 AS i, c % 4 AS k,
         (19 * a + b - b / 4 - (b - (b + 8) / 25 + 1) / 3 + 15) % 30 AS h
  FROM (SELECT y, y % 19 AS a, y / 100 AS b, y % 100 AS c FROM generate_series(2020, 2100) AS y) AS s
),
easter AS (
  SELECT y, make_date(y, (h + l - 7 * m + 114) / 31, (h + l - 7 * m + 114) % 31 + 1) AS sunday
  FROM (SELECT y, h, l, (a + 11 * h + 22 * l) / 451 AS m
        FROM (SELECT y, a, h, (32 + 2 * e + 2 * i - h - k) % 7 AS l FROM computus) AS s1) AS s2
),
holidays AS (
  SELECT make_date(y, md / 100, md % 100) AS day
  FROM generate_series(2020, 2100) AS y, unnest(ARRAY[101, 501, 508, 714, 815, 1101, 1111, 1225]) AS md
  UNION ALL
  SELECT sunday + o FROM easter, unnest(ARRAY[1, 39, 50]) AS o
),
due AS (
  SELECT t.id, since.level, (
    SELECT (d.day + 1)::timestamp AT TIME ZONE 'Europe/Paris'
    FROM (SELECT g::date AS day
          FROM generate_series((since.at AT TIME ZONE 'Europe/Paris')::date + 1,
                               (since.at AT TIME ZONE 'Europe/Paris')::date + 30, interval '1 day') AS g) AS d
    WHERE extract(isodow FROM d.day) < 6 AND d.day NOT IN (SELECT day FROM holidays)
    ORDER BY d.day OFFSET 1 LIMIT 1
  ) AS at
  FROM "support_tickets" AS t,
       LATERAL (VALUES (1, CASE WHEN cardinality(t."level1_organisation_ids") > 0 THEN t."created_at" END),
                       (2, t."escalated_at")) AS since(level, at)
  WHERE since.at IS NOT NULL
)
UPDATE "support_tickets" AS t SET
  "level1_due_at" = (SELECT at FROM due WHERE due.id = t.id AND due.level = 1),
  "level2_due_at" = (SELECT at FROM due WHERE due.id = t.id AND due.level = 2),
  "level1_answered_at" = CASE WHEN cardinality(t."level1_organisation_ids") > 0
    THEN least(t."first_answered_at", t."escalated_at", CASE WHEN t."level" = 1 THEN t."resolved_at" END) END,
  "level2_answered_at" = CASE WHEN t."level" = 2 THEN t."resolved_at" END;
