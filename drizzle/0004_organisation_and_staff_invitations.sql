ALTER TABLE "invitations" ALTER COLUMN "dossier_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ALTER COLUMN "role" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ALTER COLUMN "invited_by" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "departments" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "staff_role" "staff_role";--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "centre_id" uuid;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "school_id" uuid;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "department_id" uuid;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_memberships" ADD COLUMN "invitation_id" uuid;--> statement-breakpoint
ALTER TABLE "staff_memberships" ADD COLUMN "invited_by" uuid;--> statement-breakpoint
ALTER TABLE "staff_memberships" ADD COLUMN "ended_by" uuid;--> statement-breakpoint
ALTER TABLE "staff_memberships" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_memberships" ADD CONSTRAINT "staff_memberships_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_memberships" ADD CONSTRAINT "staff_memberships_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_memberships" ADD CONSTRAINT "staff_memberships_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "departments_name_per_school_uq" ON "departments" USING btree ("school_id",lower("name"));--> statement-breakpoint
CREATE INDEX "invitations_centre_idx" ON "invitations" USING btree ("centre_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_open_staff_per_address_uq" ON "invitations" USING btree (coalesce("department_id", "school_id", "centre_id"),"email_key") WHERE "invitations"."status" = 'pending' and "invitations"."dossier_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "schools_name_per_centre_uq" ON "schools" USING btree ("centre_id",lower("name"));--> statement-breakpoint
CREATE INDEX "staff_memberships_centre_idx" ON "staff_memberships" USING btree ("centre_id");--> statement-breakpoint
CREATE INDEX "staff_memberships_school_idx" ON "staff_memberships" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "staff_memberships_department_idx" ON "staff_memberships" USING btree ("department_id");--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_one_target" CHECK (("invitations"."dossier_id" is not null and "invitations"."role" is not null and "invitations"."invited_by" is not null
           and "invitations"."staff_role" is null and "invitations"."centre_id" is null and "invitations"."school_id" is null and "invitations"."department_id" is null)
       or ("invitations"."dossier_id" is null and "invitations"."role" is null and "invitations"."centre_id" is not null and (
           ("invitations"."staff_role" = 'centre_staff' and "invitations"."school_id" is null and "invitations"."department_id" is null)
        or ("invitations"."staff_role" = 'school_manager' and "invitations"."school_id" is not null and "invitations"."department_id" is null)
        or ("invitations"."staff_role" = 'department_manager' and "invitations"."school_id" is not null and "invitations"."department_id" is not null))));