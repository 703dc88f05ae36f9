-- Undoes scripts/bench/proposed-indexes.sql on a bench database: the indexes as
-- drizzle/0000_init.sql creates them (for before/after measurements).
DROP INDEX IF EXISTS requests_centre_keyset_idx;
CREATE INDEX requests_centre_keyset_idx ON requests USING btree (centre_id, created_at DESC NULLS LAST, id DESC NULLS LAST);
DROP INDEX IF EXISTS requests_school_keyset_idx;
CREATE INDEX requests_school_keyset_idx ON requests USING btree (school_id, created_at DESC NULLS LAST, id DESC NULLS LAST);
DROP INDEX IF EXISTS requests_department_keyset_idx;
CREATE INDEX requests_department_keyset_idx ON requests USING btree (department_id, created_at DESC NULLS LAST, id DESC NULLS LAST);
DROP INDEX IF EXISTS requests_centre_status_keyset_idx;
CREATE INDEX requests_centre_status_keyset_idx ON requests USING btree (centre_id, status, created_at DESC NULLS LAST, id DESC NULLS LAST);
DROP INDEX IF EXISTS students_search_trgm_idx;
DROP INDEX IF EXISTS requests_student_idx;
ANALYZE requests;
ANALYZE students;
