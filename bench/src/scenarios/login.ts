import { sequential } from "../measure.ts";
import { fmt, type ScenarioResult } from "../result.ts";
import type { BenchStack } from "../stack.ts";
import pg from "pg";

/** What a login costs with argon2id at the parameters actually stored. */
export async function login(stack: BenchStack): Promise<ScenarioResult> {
  const email = `login-bench-${Date.now()}@example.com`;
  await stack.client().auth.register({ body: { email, password: "password123", name: "Login Bench" } });
  const db = new pg.Client({ connectionString: stack.usersDatabaseUrl });
  await db.connect();
  const { rows } = await db.query<{ password_hash: string }>(
    "SELECT password_hash FROM users WHERE email = $1",
    [email],
  );
  await db.end();
  const hash = rows[0]!.password_hash;
  const params = /\$argon2id\$v=\d+\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(hash);
  const [m, t, p] = [Number(params?.[1]), Number(params?.[2]), Number(params?.[3])];
  const figures = await sequential(() => `${stack.users.url}/auth/login`, 30, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: () => JSON.stringify({ email, password: "password123" }),
  });
  return {
    title: "Login (POST /auth/login), 1 connection, 30 logins",
    rows: [{ label: `argon2id m=${m} KiB, t=${t}, p=${p}`, figures }],
    verdicts: [
      {
        target: "argon2id with m ≥ 19 MiB, t ≥ 2, p = 1",
        value: `m=${fmt(m / 1024, 1)} MiB, t=${t}, p=${p}`,
        met: hash.startsWith("$argon2id$") && m >= 19 * 1024 && t >= 2 && p === 1,
      },
      {
        target: "ms per login (reported)",
        value: `p50 ${fmt(figures.p50, 1)} ms, p95 ${fmt(figures.p95, 1)} ms`,
        met: figures.errors === 0,
      },
    ],
    raw: { login: [figures] },
  };
}
