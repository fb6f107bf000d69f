-- CreateTable
CREATE TABLE "periodic_runs" (
    "task" TEXT NOT NULL,
    "period" BIGINT NOT NULL,
    "claimed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "periodic_runs_pkey" PRIMARY KEY ("task","period")
);
