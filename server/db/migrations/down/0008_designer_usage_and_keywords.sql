-- Undoes 0008_designer_usage_and_keywords.sql: nothing in the schema. 0008 only recounted the usage
-- counts and added office codes to the sheets' keywords; both are derived values that the service
-- rewrites on the next write of a sheet, and the earlier code reads them as they are.
SELECT 1;
