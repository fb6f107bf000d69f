-- CreateTable
CREATE TABLE "audit_entries" (
    "id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "actor_id" TEXT NOT NULL,
    "actor_name" TEXT NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "subject_label" TEXT,
    "reason" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "at" TIMESTAMPTZ(3) NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_entries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "audit_entries_at_id_idx" ON "audit_entries"("at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "audit_entries_actor_id_at_id_idx" ON "audit_entries"("actor_id", "at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "audit_entries_action_at_id_idx" ON "audit_entries"("action", "at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "audit_entries_subject_type_subject_id_at_id_idx" ON "audit_entries"("subject_type", "subject_id", "at" DESC, "id" DESC);

-- Hand-written: the audit log is append-only. One statement-level trigger refuses UPDATE, DELETE
-- and TRUNCATE on the table, whatever the statement matches (even no row), whoever runs it through
-- ordinary SQL: a bug, a careless script or a "fix" in psql cannot rewrite history. Inserting stays
-- open (a redelivered event's `ON CONFLICT DO NOTHING` updates nothing, so it passes too).
CREATE FUNCTION "audit_entries_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log cannot be changed: % on audit_entries is refused', TG_OP
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'audit entries are only ever added';
END
$$;

CREATE TRIGGER "audit_entries_append_only"
  BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_entries"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_entries_refuse_change"();
