-- CreateEnum
CREATE TYPE "ReviewRole" AS ENUM ('borrower', 'owner');

-- CreateEnum
CREATE TYPE "ReportSubjectType" AS ENUM ('item', 'user', 'message');

-- CreateEnum
CREATE TYPE "ReportReason" AS ENUM ('spam', 'prohibited_item', 'unsafe', 'harassment', 'other');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('open', 'resolved');

-- CreateEnum
CREATE TYPE "ReportAction" AS ENUM ('dismiss', 'hide_item', 'suspend_user');

-- AlterTable
ALTER TABLE "owners" ADD COLUMN     "avatar_url" TEXT,
ADD COLUMN     "suspended_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "items" ADD COLUMN     "hidden_at" TIMESTAMPTZ(3),
ADD COLUMN     "hidden_by" TEXT,
ADD COLUMN     "hidden_reason" TEXT;

-- AlterTable
ALTER TABLE "loans" ADD COLUMN     "returned_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "reviews" (
    "id" TEXT NOT NULL,
    "loan_id" TEXT NOT NULL,
    "author_id" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "author_role" "ReviewRole" NOT NULL,
    "rating" INTEGER NOT NULL,
    "body" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reveal_at" TIMESTAMPTZ(3) NOT NULL,
    "reveal_announced_at" TIMESTAMPTZ(3),
    "reply_body" TEXT,
    "reply_at" TIMESTAMPTZ(3),

    CONSTRAINT "reviews_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "favourites" (
    "user_id" TEXT NOT NULL,
    "item_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "favourites_pkey" PRIMARY KEY ("user_id","item_id")
);

-- CreateTable
CREATE TABLE "reports" (
    "id" TEXT NOT NULL,
    "subject_type" "ReportSubjectType" NOT NULL,
    "subject_id" TEXT NOT NULL,
    "subject_user_id" TEXT,
    "reason" "ReportReason" NOT NULL,
    "details" TEXT,
    "reporter_id" TEXT NOT NULL,
    "status" "ReportStatus" NOT NULL DEFAULT 'open',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" "ReportAction",
    "note" TEXT,
    "resolved_by" TEXT,
    "resolved_at" TIMESTAMPTZ(3),

    CONSTRAINT "reports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "reviews_subject_id_reveal_at_id_idx" ON "reviews"("subject_id", "reveal_at" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "reviews_loan_id_author_id_key" ON "reviews"("loan_id", "author_id");

-- CreateIndex
CREATE INDEX "favourites_user_id_created_at_item_id_idx" ON "favourites"("user_id", "created_at" DESC, "item_id" DESC);

-- CreateIndex
CREATE INDEX "reports_status_created_at_id_idx" ON "reports"("status", "created_at", "id");

-- CreateIndex
CREATE INDEX "reports_subject_type_subject_id_created_at_idx" ON "reports"("subject_type", "subject_id", "created_at" DESC);

-- AddForeignKey
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_loan_id_fkey" FOREIGN KEY ("loan_id") REFERENCES "loans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "favourites" ADD CONSTRAINT "favourites_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (Prisma cannot say these).

-- Ratings are whole stars from 1 to 5, whatever writes the row.
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_rating_range" CHECK ("rating" BETWEEN 1 AND 5);

-- One open report per reporter and subject; resolved ones do not count, so a person may report
-- the same thing again after an admin handled it.
CREATE UNIQUE INDEX "reports_one_open_key" ON "reports"("reporter_id", "subject_type", "subject_id")
  WHERE "status" = 'open';

-- The sweep that announces reviews revealed by the window's end reads only these.
CREATE INDEX "reviews_unannounced_idx" ON "reviews"("reveal_at") WHERE "reveal_announced_at" IS NULL;

-- Loans returned before this migration: their return time from the history.
UPDATE "loans" l SET "returned_at" = e.at
  FROM (SELECT loan_id, max(at) AS at FROM "loan_events" WHERE type = 'returned' GROUP BY loan_id) e
  WHERE e.loan_id = l.id AND l.status = 'returned';
