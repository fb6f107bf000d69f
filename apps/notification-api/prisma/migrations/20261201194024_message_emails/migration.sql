-- CreateTable
CREATE TABLE "message_threads" (
    "user_id" TEXT NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "read_seq" INTEGER NOT NULL DEFAULT 0,
    "check_at" TIMESTAMPTZ(3),
    "last_emailed_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "message_threads_pkey" PRIMARY KEY ("user_id","conversation_id")
);

-- CreateTable
CREATE TABLE "unread_messages" (
    "user_id" TEXT NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "message_id" TEXT NOT NULL,
    "author_name" TEXT NOT NULL,
    "item_title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "unread_messages_pkey" PRIMARY KEY ("user_id","conversation_id","seq")
);
