import { randomBytes } from "node:crypto";
import { inDays } from "@sharehood/test-stack";
import { ADMIN, type TestStack } from "../stack.ts";
import type { HttpResponse } from "../http.ts";
import { Mailbox, type Mail } from "../mailbox.ts";
import type { Service } from "../routes.ts";
import { fingerprint } from "./fingerprint.ts";
import { Recorder } from "./recorder.ts";

export { inDays };

/** A signed-in user of the security world. */
export interface Actor {
  name: string;
  id: string;
  email: string;
  password: string;
  /** A live access token (refreshed by `live()` when short-lived tokens are configured). */
  token: string;
  refreshToken: string;
  expiresAt: number;
  /** An access token and a refresh token of another session of this user, logged out. */
  revokedToken: string;
  revokedRefreshToken: string;
}

/** A signed-in session: whose, its tokens, and when its access token expires (ms). */
interface Session {
  id: string;
  token: string;
  refreshToken: string;
  expiresAt: number;
}

export type ActorName = "alice" | "bob" | "carol" | "dave" | "admin";

const PASSWORD = "security-matrix-passw0rd";

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** A pre-built body (multipart) with its content type. */
  rawBody?: { bytes: Buffer; contentType: string };
  headers?: Record<string, string>;
}

/**
 * Notification API tables that only its background work writes (the event consumer, the email
 * jobs), never a request: they change on their own while a test runs, so fingerprints leave them out.
 */
const WORKER_TABLES = ["emails", "feed_events", "people", "processed_events"];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The people and things the security matrix needs: alice owns items, bob borrows, carol is a
 * stranger, dave a plain user knocking on admin doors, and the seeded admin. Every call goes
 * through one Recorder, and `fingerprint()` digests the databases.
 */
export class SecurityWorld {
  readonly recorder = new Recorder();
  readonly actors = new Map<ActorName, Actor>();
  /** The emails the Notification API wrote: the links a person would click. */
  readonly mailbox: Mailbox;
  #counter = 0;

  constructor(
    readonly stack: TestStack,
    readonly label: string,
  ) {
    this.recorder.secrets.add(PASSWORD);
    this.recorder.secrets.add(ADMIN.password);
    this.mailbox = new Mailbox(stack.smtp);
  }

  url(service: Service): string {
    return this.stack[service].url;
  }

  call(service: Service, method: string, path: string, options: CallOptions = {}): Promise<HttpResponse> {
    const headers: Record<string, string> = { accept: "application/json", ...options.headers };
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    let body: string | Buffer | undefined;
    if (options.rawBody) {
      body = options.rawBody.bytes;
      headers["content-type"] = options.rawBody.contentType;
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers["content-type"] = "application/json";
    }
    return this.recorder.send(this.url(service), { method, path, headers, body });
  }

  /** Calls and insists on success; answers the JSON body. */
  async ok(
    service: Service,
    method: string,
    path: string,
    options: CallOptions = {},
  ): Promise<Record<string, unknown>> {
    const res = await this.call(service, method, path, options);
    if (res.status >= 300)
      throw new Error(`${method} ${path} answered ${res.status}: ${res.text.slice(0, 300)}`);
    return (res.json ?? {}) as Record<string, unknown>;
  }

  async #login(email: string, password: string): Promise<Session> {
    const body = await this.ok("users", "POST", "/auth/login", { body: { email, password } });
    return {
      id: String((body.user as { id: string }).id),
      token: String(body.accessToken),
      refreshToken: String(body.refreshToken),
      expiresAt: Date.parse(String(body.expiresAt)),
    };
  }

  /** Registers a new user with a live session and a second, logged-out one. */
  async newActor(name: string): Promise<Actor> {
    this.#counter += 1;
    const email = `sec-${this.label}-${name}-${this.#counter}-${randomBytes(3).toString("hex")}@example.com`;
    await this.ok("users", "POST", "/auth/register", {
      body: { email, password: PASSWORD, name: `Sec ${name}` },
    });
    return this.#completeActor(name, email, PASSWORD);
  }

  async #completeActor(name: string, email: string, password: string): Promise<Actor> {
    // Used once on the Inventory and Notification APIs first, so the logout has a cached
    // validation to evict there too.
    const revoked = await this.#session(email, password, [
      ["inventory", "GET", "/loans"],
      ["notifications", "GET", "/notifications/unread-count"],
      ["users", "POST", "/auth/logout"],
    ]);
    // Known to the Inventory API (its owners table) before any fingerprint is taken.
    const live = await this.#session(email, password, [["inventory", "GET", "/loans"]]);
    return {
      name,
      id: live.id,
      email,
      password,
      token: live.token,
      refreshToken: live.refreshToken,
      expiresAt: live.expiresAt,
      revokedToken: revoked.token,
      revokedRefreshToken: revoked.refreshToken,
    };
  }

  /**
   * Signs in and makes these calls with the new session. A stack with two-second tokens
   * (expired-tokens.int.test.ts) can see one expire half-way on a busy machine: a 401 that comes
   * after the token's expiry starts over with a new session; any other failure is thrown.
   */
  async #session(email: string, password: string, calls: [Service, string, string][]): Promise<Session> {
    for (let attempt = 1; ; attempt += 1) {
      const session = await this.#login(email, password);
      let expired = false;
      for (const [service, method, path] of calls) {
        const res = await this.call(service, method, path, { token: session.token });
        if (res.status < 300) continue;
        if (res.status === 401 && Date.now() >= session.expiresAt && attempt < 5) {
          expired = true;
          break;
        }
        throw new Error(`${method} ${path} answered ${res.status}: ${res.text.slice(0, 300)}`);
      }
      if (!expired) return session;
    }
  }

  async setUp(): Promise<void> {
    for (const name of ["alice", "bob", "carol", "dave"] as const)
      this.actors.set(name, await this.newActor(name));
    this.actors.set("admin", await this.#completeActor("admin", ADMIN.email, ADMIN.password));
    // Revocation reaches the other APIs by pub/sub: wait until they refuse every revoked token.
    for (const actor of this.actors.values()) {
      for (const [service, path] of [
        ["inventory", "/loans"],
        ["notifications", "/notifications/unread-count"],
      ] as const) {
        const deadline = Date.now() + 3_000;
        while ((await this.call(service, "GET", path, { token: actor.revokedToken })).status !== 401) {
          if (Date.now() > deadline)
            throw new Error(`${service} still accepts ${actor.name}'s logged-out token`);
          await sleep(25);
        }
      }
    }
  }

  actor(name: ActorName): Actor {
    const actor = this.actors.get(name);
    if (!actor) throw new Error(`no actor ${name}`);
    return actor;
  }

  /** The actor's access token, signing in again when it has under a second to live (short-TTL stacks). */
  async live(actor: Actor): Promise<string> {
    if (actor.expiresAt - Date.now() > 1_000) return actor.token;
    const fresh = await this.#login(actor.email, actor.password);
    Object.assign(actor, {
      token: fresh.token,
      refreshToken: fresh.refreshToken,
      expiresAt: fresh.expiresAt,
    });
    return actor.token;
  }

  /** A token of a new session of the actor, used by nobody yet (to be let expire). */
  async freshSession(actor: Actor): Promise<{ token: string; refreshToken: string; expiresAt: number }> {
    return this.#login(actor.email, actor.password);
  }

  /**
   * The databases, digested: the User and Inventory APIs' always (every event either writes starts
   * in its own outbox), the Notification API's for its own routes (it changes on its own while the
   * other APIs' events arrive: `settle` waits for that to stop).
   */
  async fingerprint(service?: Service): Promise<Record<string, Record<string, string>>> {
    const [users, inventory, notifications] = await Promise.all([
      fingerprint(this.stack.users.api.db),
      fingerprint(this.stack.inventory.api.db),
      service === "notifications" ? fingerprint(this.stack.notifications.api.db, WORKER_TABLES) : undefined,
    ]);
    return { users, inventory, ...(notifications ? { notifications } : {}) };
  }

  /** Waits until the events already sent have become notifications: the Notification API's data stops changing. */
  async settle(): Promise<void> {
    const digest = async () => JSON.stringify(await this.fingerprint("notifications"));
    const deadline = Date.now() + 10_000;
    let last = await digest();
    for (;;) {
      await sleep(300);
      const now = await digest();
      if (now === last) return;
      if (Date.now() > deadline) throw new Error("the Notification API's data kept changing for 10 s");
      last = now;
    }
  }

  // ---- notifications and emails ---------------------------------------------------------------

  /** Polls the person's unread count until it is at least `count`; answers their newest notification's id. */
  async notified(actor: Actor, count = 1): Promise<string> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const res = await this.ok("notifications", "GET", "/notifications/unread-count", {
        token: await this.live(actor),
      });
      if (Number(res.count) >= count) break;
      if (Date.now() > deadline) throw new Error(`${actor.name} got no notification within 10 s`);
      await sleep(50);
    }
    const list = await this.ok("notifications", "GET", "/notifications?limit=1", {
      token: await this.live(actor),
    });
    return String((list.items as { id: string }[])[0]?.id);
  }

  /** The first email to the actor that `matches` (already written or arriving within 10 s). */
  mailTo(actor: Actor, what: string, matches: (mail: Mail) => boolean): Promise<Mail> {
    const to = actor.email.toLowerCase();
    return this.mailbox.waitFor((mail) => mail.to.includes(to) && matches(mail), `to ${actor.name} ${what}`);
  }

  /** The token of the actor's link to a web page (`/verify-email`, `/reset-password`) in an email not used yet. */
  async pageToken(actor: Actor, page: string, used: ReadonlySet<string> = new Set()): Promise<string> {
    const mail = await this.mailTo(actor, `with a ${page} link`, (m) => {
      const token = m.pageTokens[page];
      return token !== undefined && !used.has(token);
    });
    return mail.pageTokens[page] ?? "";
  }

  /** The token of the actor's one-click unsubscribe link for emails with this subject. */
  async unsubscribeToken(actor: Actor, subject: RegExp): Promise<string> {
    const mail = await this.mailTo(
      actor,
      `about ${subject.source}`,
      (m) => !!m.unsubscribeToken && subject.test(m.subject),
    );
    return mail.unsubscribeToken ?? "";
  }

  // ---- fixtures -------------------------------------------------------------------------------

  async createItem(owner: Actor, title = "Security test drill"): Promise<{ id: string; version: number }> {
    const item = await this.ok("inventory", "POST", "/items", {
      token: await this.live(owner),
      body: newItemBody(title),
    });
    return { id: String(item.id), version: Number(item.version) };
  }

  /** A loan of a new item of `owner` by `borrower`, taken to `state`. */
  async loan(
    owner: Actor,
    borrower: Actor,
    state: "requested" | "approved" | "active" | "returned",
  ): Promise<{ id: string; itemId: string }> {
    const item = await this.createItem(owner, `Loanable ${state}`);
    const loan = await this.ok("inventory", "POST", `/items/${item.id}/loans`, {
      token: await this.live(borrower),
      body: { startDate: inDays(3), endDate: inDays(5), message: "May I?" },
    });
    const id = String(loan.id);
    if (state !== "requested")
      await this.ok("inventory", "POST", `/loans/${id}/approve`, { token: await this.live(owner) });
    if (state === "active" || state === "returned")
      await this.ok("inventory", "POST", `/loans/${id}/handover`, { token: await this.live(owner) });
    if (state === "returned")
      await this.ok("inventory", "POST", `/loans/${id}/return`, { token: await this.live(owner) });
    return { id, itemId: item.id };
  }

  /** `author` reviews the other side of a returned loan; answers the review's id. */
  async review(author: Actor, loanId: string, body = "Friendly and on time."): Promise<string> {
    const review = await this.ok("inventory", "POST", `/loans/${loanId}/reviews`, {
      token: await this.live(author),
      body: { rating: 5, body },
    });
    return String(review.id);
  }

  /** `reporter` reports something; answers the report's id. */
  async report(
    reporter: Actor,
    subjectType: "item" | "user" | "message",
    subjectId: string,
  ): Promise<string> {
    const report = await this.ok("inventory", "POST", "/reports", {
      token: await this.live(reporter),
      body: { subjectType, subjectId, reason: "spam", details: "Reported by the security matrix" },
    });
    return String(report.id);
  }

  /**
   * A new item of `owner`'s that someone reported and the admin hid. The reporter is made for it:
   * being told the report was handled is a notification, and the matrix counts on carol having none.
   */
  async hiddenItem(owner: Actor): Promise<string> {
    const item = await this.createItem(owner, "Hidden by moderators");
    const reportId = await this.report(await this.newActor("reporter"), "item", item.id);
    await this.ok("inventory", "POST", `/reports/${reportId}/resolve`, {
      token: await this.live(this.actor("admin")),
      body: { action: "hide_item", note: "Prohibited item" },
    });
    return item.id;
  }

  /** The admin suspends the actor's account (every token of theirs stops working). */
  async suspend(actor: Actor, reason = "Suspended by the security matrix"): Promise<void> {
    await this.ok("users", "POST", `/users/${actor.id}/suspend`, {
      token: await this.live(this.actor("admin")),
      body: { reason },
    });
    // The other services learn of it by a revocation event and mark the person there: wait for
    // that, so a later fingerprint does not catch it landing.
    await this.settle();
  }

  /** Sets the actor's avatar to a tiny PNG. */
  async avatar(actor: Actor, field: string): Promise<void> {
    await this.ok("users", "PUT", "/users/me/avatar", {
      token: await this.live(actor),
      rawBody: pngUpload(field),
    });
  }

  /** Uploads `count` tiny photos to an item; answers their ids. */
  async photos(owner: Actor, itemId: string, count: number, field: string): Promise<string[]> {
    const item = await this.ok("inventory", "POST", `/items/${itemId}/photos`, {
      token: await this.live(owner),
      rawBody: pngUpload(field, count),
    });
    return ((item.photos as { id: string }[] | undefined) ?? []).map((p) => p.id);
  }
}

/** A valid item body. */
export function newItemBody(title: string) {
  return {
    title,
    description: "An 18V drill with two batteries.",
    categoryId: "tools",
    condition: "good",
    location: "Elm Street",
  };
}

const PNG_1X1 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/** A multipart/form-data body with `count` 1×1 PNG files in `field`. */
export function pngUpload(field: string, count = 1): { bytes: Buffer; contentType: string } {
  const boundary = "----sharehood-security";
  const parts: Buffer[] = [];
  for (let i = 0; i < count; i += 1) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="p${i}.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      PNG_1X1,
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { bytes: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
