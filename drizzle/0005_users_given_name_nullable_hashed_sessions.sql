ALTER TABLE "users" ALTER COLUMN "given_name" DROP NOT NULL;--> statement-breakpoint
-- Session tokens are stored as their SHA-256 (hex) from now on: hash the open sessions in place, so nobody is signed out.
UPDATE "sessions" SET "session_token" = encode(sha256(convert_to("session_token", 'UTF8')), 'hex');
