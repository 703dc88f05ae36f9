CREATE TYPE "public"."contact_status" AS ENUM('confirmed', 'awaiting_confirmation', 'refused');--> statement-breakpoint
CREATE TYPE "public"."locale" AS ENUM('nl', 'fr', 'en');--> statement-breakpoint
ALTER TABLE "dossier_contacts" ADD COLUMN "status" "contact_status" DEFAULT 'confirmed' NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_contacts" ADD COLUMN "decided_by" uuid;--> statement-breakpoint
ALTER TABLE "dossier_contacts" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "locale" "locale" DEFAULT 'nl' NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "expected_name" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "locale" "locale";--> statement-breakpoint
ALTER TABLE "dossier_contacts" ADD CONSTRAINT "dossier_contacts_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;