DROP INDEX "audit_events_dossier_idx";--> statement-breakpoint
DROP INDEX "audit_events_actor_idx";--> statement-breakpoint
DROP INDEX "dossier_entries_dossier_idx";--> statement-breakpoint
DROP INDEX "invitations_dossier_idx";--> statement-breakpoint
DROP INDEX "requests_centre_keyset_idx";--> statement-breakpoint
DROP INDEX "requests_school_keyset_idx";--> statement-breakpoint
DROP INDEX "requests_department_keyset_idx";--> statement-breakpoint
DROP INDEX "requests_centre_status_keyset_idx";--> statement-breakpoint
CREATE INDEX "requests_student_idx" ON "requests" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "audit_events_dossier_idx" ON "audit_events" USING btree ("dossier_id","id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id","id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "dossier_entries_dossier_idx" ON "dossier_entries" USING btree ("dossier_id","occurred_on" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "invitations_dossier_idx" ON "invitations" USING btree ("dossier_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "requests_centre_keyset_idx" ON "requests" USING btree ("centre_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "requests_school_keyset_idx" ON "requests" USING btree ("school_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "requests_department_keyset_idx" ON "requests" USING btree ("department_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "requests_centre_status_keyset_idx" ON "requests" USING btree ("centre_id","status","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);