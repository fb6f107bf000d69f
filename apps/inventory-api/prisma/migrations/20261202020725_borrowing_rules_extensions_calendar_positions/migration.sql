-- CreateEnum
CREATE TYPE "ExtensionStatus" AS ENUM ('pending', 'approved', 'declined', 'cancelled');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "LoanEventType" ADD VALUE 'extension_requested';
ALTER TYPE "LoanEventType" ADD VALUE 'extension_approved';
ALTER TYPE "LoanEventType" ADD VALUE 'extension_declined';
ALTER TYPE "LoanEventType" ADD VALUE 'extension_cancelled';

-- AlterTable
ALTER TABLE "items" ADD COLUMN     "lat" DOUBLE PRECISION,
ADD COLUMN     "lng" DOUBLE PRECISION,
ADD COLUMN     "max_days" INTEGER,
ADD COLUMN     "min_days" INTEGER,
ADD COLUMN     "notice_days" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "paused" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "loan_events" ADD COLUMN     "end_date" DATE;

-- CreateTable
CREATE TABLE "item_blocks" (
    "id" TEXT NOT NULL,
    "item_id" TEXT NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE NOT NULL,

    CONSTRAINT "item_blocks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "loan_extensions" (
    "id" TEXT NOT NULL,
    "loan_id" TEXT NOT NULL,
    "previous_end_date" DATE NOT NULL,
    "end_date" DATE NOT NULL,
    "status" "ExtensionStatus" NOT NULL DEFAULT 'pending',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" TIMESTAMPTZ(3),

    CONSTRAINT "loan_extensions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calendar_feeds" (
    "user_id" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calendar_feeds_pkey" PRIMARY KEY ("user_id")
);

-- CreateIndex
CREATE INDEX "item_blocks_item_id_start_date_idx" ON "item_blocks"("item_id", "start_date");

-- CreateIndex
CREATE INDEX "loan_extensions_loan_id_created_at_idx" ON "loan_extensions"("loan_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "calendar_feeds_token_key" ON "calendar_feeds"("token");

-- AddForeignKey
ALTER TABLE "item_blocks" ADD CONSTRAINT "item_blocks_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "loan_extensions" ADD CONSTRAINT "loan_extensions_loan_id_fkey" FOREIGN KEY ("loan_id") REFERENCES "loans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (Prisma cannot say these).

-- At most one pending extension per loan.
CREATE UNIQUE INDEX "loan_extensions_one_pending_key" ON "loan_extensions"("loan_id") WHERE "status" = 'pending';

-- No approved or active loan overlaps a blocked range of its item, whichever is written second.
-- loans_no_overlap cannot span two tables, so triggers check it; each first locks the item's row
-- (a block FOR UPDATE, a loan FOR SHARE: blocks of one item serialise with each other and with
-- approvals, approvals of different dates do not wait for each other), then looks at the other
-- table with a fresh snapshot (READ COMMITTED: every statement in a function takes its own), so
-- the second writer sees the first's committed row. Refusals raise exclusion_violation (23P01)
-- with their own constraint name, which the service answers as 409.
CREATE FUNCTION "item_blocks_check_loans"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM items WHERE id = NEW.item_id FOR UPDATE;
  IF EXISTS (
    SELECT 1 FROM loans l WHERE l.item_id = NEW.item_id AND l.status IN ('approved', 'active')
      AND daterange(l.start_date, l.end_date, '[]') && daterange(NEW.start_date, NEW.end_date, '[]')
  ) THEN
    RAISE EXCEPTION 'blocked days overlap a booked loan of item %', NEW.item_id
      USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'item_blocks_no_loan_overlap';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "item_blocks_check_loans" BEFORE INSERT OR UPDATE ON "item_blocks"
  FOR EACH ROW EXECUTE FUNCTION "item_blocks_check_loans"();

CREATE FUNCTION "loans_check_blocks"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM items WHERE id = NEW.item_id FOR SHARE;
  IF EXISTS (
    SELECT 1 FROM item_blocks b WHERE b.item_id = NEW.item_id
      AND daterange(b.start_date, b.end_date, '[]') && daterange(NEW.start_date, NEW.end_date, '[]')
  ) THEN
    RAISE EXCEPTION 'loan % overlaps blocked days of item %', NEW.id, NEW.item_id
      USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'loans_no_blocked_overlap';
  END IF;
  RETURN NEW;
END $$;

-- Only a loan that books its dates (approved or active) is checked, and only when it starts to or
-- its dates change: handing over, returning and reminders pass untouched.
CREATE TRIGGER "loans_check_blocks" BEFORE INSERT OR UPDATE OF status, start_date, end_date ON "loans"
  FOR EACH ROW WHEN (NEW.status IN ('approved', 'active'))
  EXECUTE FUNCTION "loans_check_blocks"();

-- Distance search: the earth's points of positioned items, for earth_box (radius) and <-> (nearest
-- first) over a GiST index.
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;
CREATE INDEX "items_position_idx" ON "items" USING gist (ll_to_earth("lat", "lng")) WHERE "lat" IS NOT NULL;
