-- Proposed index changes (see docs/PERFORMANCE.md), for a bench database only:
--   psql postgres://postgres@127.0.0.1:5432/diplon_bench_100000 -f scripts/bench/proposed-indexes.sql
-- In lib/db/schema.ts this is `.desc().nullsFirst()` on the keyset columns, two new indexes and
-- a migration that creates the pg_trgm extension.

-- 1. Keyset indexes in the order the list asks for. `ORDER BY created_at DESC, id DESC` means
--    NULLS FIRST; drizzle's `.desc()` made the indexes DESC NULLS LAST, which PostgreSQL cannot use
--    for that ORDER BY (the columns being NOT NULL does not help), so every page sorted the
--    whole scope.
DROP INDEX IF EXISTS requests_centre_keyset_idx;
CREATE INDEX requests_centre_keyset_idx ON requests (centre_id, created_at DESC, id DESC);
DROP INDEX IF EXISTS requests_school_keyset_idx;
CREATE INDEX requests_school_keyset_idx ON requests (school_id, created_at DESC, id DESC);
DROP INDEX IF EXISTS requests_department_keyset_idx;
CREATE INDEX requests_department_keyset_idx ON requests (department_id, created_at DESC, id DESC);
DROP INDEX IF EXISTS requests_centre_status_keyset_idx;
CREATE INDEX requests_centre_status_keyset_idx ON requests (centre_id, status, created_at DESC, id DESC);

-- 2. Name search: `search_name LIKE '% q%'` cannot use the text_pattern_ops btree; a trigram
--    index can, and the requests of the few matching students are then found by student.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS students_search_trgm_idx ON students USING gin (search_name gin_trgm_ops);
CREATE INDEX IF NOT EXISTS requests_student_idx ON requests (student_id);

ANALYZE requests;
ANALYZE students;
