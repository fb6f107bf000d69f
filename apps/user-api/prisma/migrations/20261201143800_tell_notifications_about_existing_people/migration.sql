-- Accounts made before events existed never told the Notification API who they are, so it could
-- not email them. Each gets one user.registered event now, as if it had just registered (the
-- same shape writeEvents writes; consumers deduplicate by event id). On a new database there are
-- no accounts yet when this runs, and it writes nothing.
INSERT INTO "outbox_events" ("id", "type", "body")
SELECT
  e."id",
  'user.registered',
  jsonb_build_object(
    'id', e."id",
    'type', 'user.registered',
    'version', 1,
    'time', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'source', 'user-api',
    'actor', NULL,
    'subject', jsonb_build_object('type', 'user', 'id', u."id"),
    'audience', jsonb_build_array(u."id"),
    'payload', jsonb_build_object('user', jsonb_build_object('id', u."id", 'name', u."name", 'email', u."email"))
  )
FROM "users" u
CROSS JOIN LATERAL (SELECT gen_random_uuid() AS "id") e;
