-- Hand-written (no table changes). The designer office of a sheet in production now counts as one of its
-- users (server/modules/catalog/usages/usages.queries.ts, `applicationUsers`): every usage count is
-- recounted with that definition.
UPDATE "applications" a SET "usage_count" = (
	SELECT count(*) FROM (
		SELECT "organisation_id" FROM "application_usages" u WHERE u."application_id" = a."id"
		UNION
		SELECT a."designer_organisation_id" WHERE a."lifecycle_stage" = 'inProduction'
	) users
);--> statement-breakpoint
-- Office codes and the maintainer's name are now searchable words of a sheet (the service writes them into
-- `keywords` on every write, codes with spaces: the French parser reads "CPAM-44" as "cpam" and "-44");
-- the sheets written before get them here.
UPDATE "applications" a SET "keywords" = concat_ws(' ', a."keywords",
	(SELECT replace(o."code", '-', ' ') FROM "organisations" o WHERE o."id" = a."designer_organisation_id"),
	(SELECT string_agg(replace(o."code", '-', ' '), ' ') FROM "application_contributors" c
		JOIN "organisations" o ON o."id" = c."organisation_id" WHERE c."application_id" = a."id"),
	nullif(a."maintainer"->>'name', ''));
