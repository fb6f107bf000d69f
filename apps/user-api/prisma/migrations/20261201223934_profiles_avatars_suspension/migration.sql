-- AlterTable
ALTER TABLE "users" ADD COLUMN     "avatar_id" TEXT,
ADD COLUMN     "bio" TEXT,
ADD COLUMN     "neighbourhood" TEXT,
ADD COLUMN     "suspended_at" TIMESTAMPTZ(3),
ADD COLUMN     "suspended_reason" TEXT;
