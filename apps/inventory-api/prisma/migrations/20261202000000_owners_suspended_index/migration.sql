-- Hand-written (Prisma cannot say a partial index).

-- Every public read of items leaves out those of suspended owners (NOT EXISTS against owners). The
-- few suspended owners are all this index holds, so that test costs a lookup in a tiny index
-- rather than a pass over every owner.
CREATE INDEX "owners_suspended_idx" ON "owners"("id") WHERE "suspended_at" IS NOT NULL;
