-- pg_trgm is a trusted extension: the database owner may create it (PostgreSQL 13+).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "students_search_trgm_idx" ON "students" USING gin ("search_name" gin_trgm_ops);
