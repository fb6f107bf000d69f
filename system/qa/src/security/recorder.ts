import { leakViolations, securityHeaderViolations } from "../checks.ts";
import { send, type HttpRequest, type HttpResponse } from "../http.ts";

/** One response the suite saw, and what was wrong with it. */
export interface Seen {
  request: string;
  status: number;
  problems: string[];
}

/**
 * Every HTTP exchange of a security test file goes through here, so that *every* response it
 * sees (successful ones too: register, login, /users/me, the admin's user list) is checked for
 * password hashes, stack traces and the security headers, not only the ones a test looks at.
 */
export class Recorder {
  readonly seen: Seen[] = [];
  /** Passwords the suite used: no response may ever echo one. */
  readonly secrets = new Set<string>();

  async send(baseUrl: string, req: HttpRequest): Promise<HttpResponse> {
    const res = await send(baseUrl, req);
    const problems = [
      ...leakViolations(res.text, echoesOf(req.body)),
      ...securityHeaderViolations(res.headers).map((p) => `security header: ${p}`),
      ...[...this.secrets].filter((s) => res.text.includes(s)).map(() => "echoes a password"),
    ];
    this.seen.push({ request: `${req.method} ${req.path}`, status: res.status, problems });
    return res;
  }

  get violations(): Seen[] {
    return this.seen.filter((s) => s.problems.length > 0);
  }

  /** How many responses of each status the file saw, e.g. `{ 200: 31, 401: 40 }`. */
  statuses(): Record<number, number> {
    const out: Record<number, number> = {};
    for (const s of this.seen) out[s.status] = (out[s.status] ?? 0) + 1;
    return out;
  }
}

/** The keys and strings of a JSON request body: an error may quote them back ("unknown field: passwordHash"). */
function echoesOf(body: string | Buffer | undefined): string[] {
  if (typeof body !== "string") return [];
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === "string") out.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === "object")
      for (const [k, v] of Object.entries(value)) {
        out.push(k);
        walk(v);
      }
  };
  try {
    walk(JSON.parse(body));
  } catch {
    // not JSON: nothing to exempt
  }
  return out;
}
