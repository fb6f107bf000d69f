-- CreateIndex
CREATE INDEX "loans_created_at_id_idx" ON "loans"("created_at" DESC, "id" DESC);
