-- Undoes 0007_known_devices.sql (statements in reverse order).
DROP INDEX "login_attempts_device_idx";
--> statement-breakpoint
DROP INDEX "known_devices_user_idx";
--> statement-breakpoint
ALTER TABLE "known_devices" DROP CONSTRAINT "known_devices_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "login_attempts" DROP COLUMN "device_key";
--> statement-breakpoint
ALTER TABLE "login_attempts" ALTER COLUMN "succeeded" SET NOT NULL;
--> statement-breakpoint
DROP TABLE "known_devices";
