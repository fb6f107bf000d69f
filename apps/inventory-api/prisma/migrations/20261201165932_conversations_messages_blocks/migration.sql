-- AlterTable
ALTER TABLE "owners" ADD COLUMN     "deleted_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "conversations" (
    "id" TEXT NOT NULL,
    "item_id" TEXT NOT NULL,
    "owner_id" TEXT NOT NULL,
    "asker_id" TEXT NOT NULL,
    "loan_id" TEXT,
    "message_count" INTEGER NOT NULL DEFAULT 0,
    "owner_read_seq" INTEGER NOT NULL DEFAULT 0,
    "asker_read_seq" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_activity_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "conversations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "messages" (
    "id" TEXT NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "author_id" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "blocks" (
    "blocker_id" TEXT NOT NULL,
    "blocked_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "blocks_pkey" PRIMARY KEY ("blocker_id","blocked_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "conversations_loan_id_key" ON "conversations"("loan_id");

-- CreateIndex
CREATE INDEX "conversations_owner_id_last_activity_at_id_idx" ON "conversations"("owner_id", "last_activity_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "conversations_asker_id_last_activity_at_id_idx" ON "conversations"("asker_id", "last_activity_at" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "messages_conversation_id_seq_key" ON "messages"("conversation_id", "seq");

-- CreateIndex
CREATE INDEX "blocks_blocker_id_created_at_blocked_id_idx" ON "blocks"("blocker_id", "created_at" DESC, "blocked_id" DESC);

-- AddForeignKey
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_loan_id_fkey" FOREIGN KEY ("loan_id") REFERENCES "loans"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (Prisma cannot declare a partial unique index): one question thread per item and
-- asker; asking again continues it. Loan threads (loan_id set) are one per loan instead.
CREATE UNIQUE INDEX "conversations_question_key" ON "conversations" ("item_id", "asker_id") WHERE "loan_id" IS NULL;

-- Backfill: every existing loan gets its thread between borrower and owner, dated as the request,
-- whose first message is the request's message. Both participants have already seen that message
-- (on the loan page), so it is marked read on both sides rather than flooding inboxes as unread.
INSERT INTO "conversations" ("id", "item_id", "owner_id", "asker_id", "loan_id", "message_count",
                             "owner_read_seq", "asker_read_seq", "created_at", "last_activity_at")
SELECT gen_random_uuid()::text, l.item_id, l.owner_id, l.borrower_id, l.id,
       CASE WHEN l.message IS NULL OR btrim(l.message) = '' THEN 0 ELSE 1 END,
       CASE WHEN l.message IS NULL OR btrim(l.message) = '' THEN 0 ELSE 1 END,
       CASE WHEN l.message IS NULL OR btrim(l.message) = '' THEN 0 ELSE 1 END,
       l.created_at, l.created_at
FROM "loans" l;

INSERT INTO "messages" ("id", "conversation_id", "seq", "author_id", "body", "created_at")
SELECT gen_random_uuid()::text, c.id, 1, l.borrower_id, l.message, l.created_at
FROM "conversations" c JOIN "loans" l ON l.id = c.loan_id
WHERE c.message_count = 1;
