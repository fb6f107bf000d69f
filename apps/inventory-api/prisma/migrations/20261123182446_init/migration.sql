-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Condition" AS ENUM ('new', 'like_new', 'good', 'fair', 'worn');

-- CreateEnum
CREATE TYPE "LoanStatus" AS ENUM ('requested', 'approved', 'declined', 'active', 'returned', 'cancelled', 'expired');

-- CreateEnum
CREATE TYPE "LoanEventType" AS ENUM ('requested', 'approved', 'declined', 'handed_over', 'returned', 'cancelled', 'expired');

-- CreateTable
CREATE TABLE "categories" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL,

    CONSTRAINT "categories_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "owners" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "owners_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "items" (
    "id" TEXT NOT NULL,
    "owner_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "category_id" TEXT NOT NULL,
    "condition" "Condition" NOT NULL,
    "location" TEXT,
    "image_urls" TEXT[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "photos" (
    "id" TEXT NOT NULL,
    "item_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "photos_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "loans" (
    "id" TEXT NOT NULL,
    "item_id" TEXT NOT NULL,
    "owner_id" TEXT NOT NULL,
    "borrower_id" TEXT NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE NOT NULL,
    "message" TEXT,
    "status" "LoanStatus" NOT NULL DEFAULT 'requested',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "loans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "loan_events" (
    "id" BIGSERIAL NOT NULL,
    "loan_id" TEXT NOT NULL,
    "type" "LoanEventType" NOT NULL,
    "from_status" "LoanStatus",
    "to_status" "LoanStatus" NOT NULL,
    "actor_id" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "loan_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotency_keys" (
    "caller_id" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "response_status" INTEGER,
    "response_body" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("caller_id","scope","key")
);

-- CreateIndex
CREATE INDEX "items_owner_id_created_at_idx" ON "items"("owner_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "items_category_id_created_at_id_idx" ON "items"("category_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "items_created_at_id_idx" ON "items"("created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "photos_item_id_position_idx" ON "photos"("item_id", "position");

-- CreateIndex
CREATE INDEX "loans_borrower_id_created_at_id_idx" ON "loans"("borrower_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "loans_owner_id_created_at_id_idx" ON "loans"("owner_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "loans_item_id_status_idx" ON "loans"("item_id", "status");

-- CreateIndex
CREATE INDEX "loans_status_start_date_idx" ON "loans"("status", "start_date");

-- CreateIndex
CREATE INDEX "loan_events_loan_id_at_idx" ON "loan_events"("loan_id", "at");

-- CreateIndex
CREATE INDEX "idempotency_keys_created_at_idx" ON "idempotency_keys"("created_at");

-- AddForeignKey
ALTER TABLE "items" ADD CONSTRAINT "items_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "photos" ADD CONSTRAINT "photos_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "loans" ADD CONSTRAINT "loans_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "loan_events" ADD CONSTRAINT "loan_events_loan_id_fkey" FOREIGN KEY ("loan_id") REFERENCES "loans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written: what Prisma's schema language cannot express. `db:diff` compares schema.prisma
-- snapshots, so these survive later migrations.

CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Full-text search over title (weight A) and description (weight B), kept up to date by PostgreSQL.
ALTER TABLE "items" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', coalesce("title", '')), 'A') ||
  setweight(to_tsvector('english', coalesce("description", '')), 'B')
) STORED;
CREATE INDEX "items_search_idx" ON "items" USING GIN ("search");
CREATE INDEX "items_title_sort_idx" ON "items" (lower("title"), "id") WHERE "deleted_at" IS NULL;

-- No two approved/active loans of one item may overlap, even under concurrent approvals.
ALTER TABLE "loans" ADD CONSTRAINT "loans_dates_ordered" CHECK ("start_date" <= "end_date");
ALTER TABLE "loans" ADD CONSTRAINT "loans_no_overlap" EXCLUDE USING gist (
  "item_id" WITH =,
  daterange("start_date", "end_date", '[]') WITH &&
) WHERE ("status" IN ('approved', 'active'));

-- Reference data: the categories people list things under.
INSERT INTO "categories" ("id", "name", "description", "sort_order") VALUES
  ('tools', 'Tools', 'Drills, saws, ladders and everything for DIY', 1),
  ('garden', 'Garden', 'Mowers, trimmers, wheelbarrows and planters', 2),
  ('kitchen', 'Kitchen', 'Mixers, pans, preserving jars and appliances', 3),
  ('camping', 'Camping', 'Tents, sleeping bags, stoves and coolers', 4),
  ('sports', 'Sports', 'Bikes, boards, rackets and gear', 5),
  ('electronics', 'Electronics', 'Projectors, speakers, cameras and consoles', 6),
  ('kids', 'Kids', 'Strollers, car seats, toys and games', 7),
  ('party', 'Party', 'Tables, chairs, lights and sound', 8),
  ('books', 'Books & games', 'Books, board games and puzzles', 9),
  ('other', 'Other', 'Everything else worth sharing', 10);
