import { randomBytes } from "node:crypto";
import { itemETag } from "@sharehood/sdk/contract";
import { send, sendJson, type HttpResponse } from "../http.ts";
import type { TestSmtpServer } from "@sharehood/test-stack";
import { Mailbox } from "../mailbox.ts";
import { SERVICES, type Service } from "../routes.ts";
import type { Ref } from "./ref.ts";
import { FUZZ_PASSWORD } from "./schema-arbitrary.ts";

/** Someone the fuzzer can act as. */
export interface Identity {
  id: string;
  email: string;
  token: string;
  refreshToken: string;
}

export type Principal = "alice" | "bob" | "admin";

/** Where the services listen. */
export type Endpoints = Record<Service, string>;

const POOL_CAP = 200;

function remember(pool: string[], value: unknown): void {
  if (typeof value !== "string" || value.length === 0 || pool.includes(value)) return;
  pool.push(value);
  if (pool.length > POOL_CAP) pool.splice(0, pool.length - POOL_CAP);
}

const expectOk = (res: HttpResponse, what: string) => {
  if (res.status >= 300) throw new Error(`${what} answered ${res.status}: ${res.text.slice(0, 300)}`);
  return res.json as Record<string, unknown>;
};

/**
 * What the fuzzer knows about the running system: who it can act as and which ids, tokens and
 * cursors exist. Valid requests draw from it; every successful answer teaches it more. Requests
 * that destroy an identity (logout, delete, a role change) only ever get throwaway identities, and
 * `heal` replaces a principal whose token stopped working, so later requests still go deep.
 */
export class FuzzWorld {
  readonly principals = new Map<Principal, Identity>();
  readonly throwaways: Identity[] = [];
  readonly pools = new Map<string, string[]>();
  /** A token that was valid once and has been logged out, and one whose expiry has passed. */
  revokedToken = "";
  expiredToken = "";
  /** Requests the world itself sent (set-up and healing), not counted as fuzz. */
  setupRequests = 0;
  /** What healing had to do, for the log. */
  readonly healed: string[] = [];
  #counter = 0;

  readonly #mailbox: Mailbox;

  constructor(
    readonly endpoints: Endpoints,
    readonly admin: { email: string; password: string },
    smtp: TestSmtpServer,
  ) {
    this.#mailbox = new Mailbox(smtp);
  }

  pool(name: string): string[] {
    let pool = this.pools.get(name);
    if (!pool) this.pools.set(name, (pool = []));
    return pool;
  }

  async #call(service: Service, method: string, path: string, options: Parameters<typeof sendJson>[3] = {}) {
    this.setupRequests += 1;
    return sendJson(this.endpoints[service], method, path, options);
  }

  async register(label: string): Promise<Identity> {
    this.#counter += 1;
    const email = `fuzz-${label}-${this.#counter}-${randomBytes(3).toString("hex")}@example.com`;
    const body = expectOk(
      await this.#call("users", "POST", "/auth/register", {
        body: { email, password: FUZZ_PASSWORD, name: `Fuzz ${label} ${this.#counter}` },
      }),
      "register",
    );
    const identity = {
      id: String((body.user as { id: string }).id),
      email,
      token: String(body.accessToken),
      refreshToken: String(body.refreshToken),
    };
    remember(this.pool("email"), email);
    return identity;
  }

  async #loginAdmin(): Promise<Identity> {
    const body = expectOk(
      await this.#call("users", "POST", "/auth/login", { body: this.admin }),
      "admin login",
    );
    return {
      id: String((body.user as { id: string }).id),
      email: this.admin.email,
      token: String(body.accessToken),
      refreshToken: String(body.refreshToken),
    };
  }

  /**
   * Principals, throwaways, a revoked and an expired token, some items and loans to aim at, and
   * (with `notifications`) what those loans become: notifications and emails with unsubscribe links.
   */
  async setUp(options: {
    throwaways: number;
    items: boolean;
    notifications?: boolean;
    expire: (identity: Identity) => Promise<void>;
  }) {
    this.principals.set("admin", await this.#loginAdmin());
    this.principals.set("alice", await this.register("alice"));
    this.principals.set("bob", await this.register("bob"));
    for (const who of ["alice", "bob"] as const)
      remember(this.pool("principalId"), this.principals.get(who)?.id);
    await this.addThrowaways(options.throwaways);

    const revoked = await this.register("revoked");
    await this.#call("users", "POST", "/auth/logout", { token: revoked.token });
    this.revokedToken = revoked.token;
    const expired = await this.register("expired");
    await options.expire(expired);
    this.expiredToken = expired.token;

    const categories = expectOk(await this.#call("inventory", "GET", "/categories"), "categories");
    for (const c of categories.items as { id: string }[]) remember(this.pool("category"), c.id);
    if (options.items) {
      await this.#seedLoans();
      await this.#seedTrust();
    }
    if (options.notifications) {
      await this.#seedAdminActions();
      await this.#awaitNotifications();
    }
    this.readMail();
  }

  /**
   * Three items of alice's that bob asks for and three of bob's that alice asks for, in every state,
   * each loan with its thread; and a question about the first of each, answered by its owner.
   */
  async #seedLoans(): Promise<void> {
    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    for (const [owner, borrower] of [
      ["alice", "bob"],
      ["bob", "alice"],
    ] as const) {
      for (let i = 0; i < 3; i += 1) {
        const item = expectOk(
          await this.#call("inventory", "POST", "/items", {
            token: this.token(owner),
            body: {
              title: `Fuzz seed item ${owner} ${i}`,
              description: "Made before fuzzing so valid requests have something to act on.",
              categoryId: this.pool("category")[i % this.pool("category").length],
              condition: "good",
            },
          }),
          "create item",
        );
        this.observe("createItem", item);
        const loan = expectOk(
          await this.#call("inventory", "POST", `/items/${String(item.id)}/loans`, {
            token: this.token(borrower),
            body: { startDate: day(2 + i * 5), endDate: day(3 + i * 5), message: "seed" },
          }),
          "request loan",
        );
        this.observe("requestLoan", loan);
        if (i === 0) {
          const thread = expectOk(
            await this.#call("inventory", "POST", `/items/${String(item.id)}/conversations`, {
              token: this.token(borrower),
              body: { body: "Seed question: is it still available?" },
            }),
            "ask about an item",
          );
          this.observe("askAboutItem", thread);
          await this.#call("inventory", "POST", `/conversations/${String(thread.id)}/messages`, {
            token: this.token(owner),
            body: { body: "Seed answer: yes." },
          });
        }
        if (i > 0)
          await this.#call("inventory", "POST", `/loans/${String(loan.id)}/approve`, {
            token: this.token(owner),
          });
        if (i > 1)
          await this.#call("inventory", "POST", `/loans/${String(loan.id)}/handover`, {
            token: this.token(owner),
          });
      }
    }
  }

  /**
   * Returned loans both ways: one each that both sides reviewed (revealed, so the reviewed person
   * may reply) and one each nobody reviewed yet (so a valid review can succeed). And mallory, who
   * is no principal: her items, her account and her answer in a thread of bob's are what reports
   * name, so a moderator's suspension never ends a principal's session; alice's report on her
   * first item waits in the queue.
   */
  async #seedTrust(): Promise<void> {
    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    for (const [owner, borrower] of [
      ["alice", "bob"],
      ["bob", "alice"],
    ] as const) {
      for (const reviewed of [true, false]) {
        const item = expectOk(
          await this.#call("inventory", "POST", "/items", {
            token: this.token(owner),
            body: {
              title: `Fuzz returned item ${owner} ${reviewed ? "reviewed" : "unreviewed"}`,
              description: "Lent and returned before fuzzing, so reviews have a loan to be about.",
              categoryId: this.pool("category")[0],
              condition: "good",
            },
          }),
          "create item",
        );
        this.observe("createItem", item);
        const loan = expectOk(
          await this.#call("inventory", "POST", `/items/${String(item.id)}/loans`, {
            token: this.token(borrower),
            body: { startDate: day(1), endDate: day(2) },
          }),
          "request loan",
        );
        const id = String(loan.id);
        for (const step of ["approve", "handover", "return"])
          expectOk(
            await this.#call("inventory", "POST", `/loans/${id}/${step}`, { token: this.token(owner) }),
            `${step} loan`,
          );
        this.observe("requestLoan", loan);
        if (!reviewed) continue;
        for (const author of [borrower, owner])
          this.observe(
            "createReview",
            expectOk(
              await this.#call("inventory", "POST", `/loans/${id}/reviews`, {
                token: this.token(author),
                body: { rating: 4, body: `Seed review by ${author}` },
              }),
              "review",
            ),
          );
      }
    }

    const mallory = await this.register("mallory");
    const subjects = this.pool("reportSubjectId");
    remember(subjects, mallory.id);
    for (const identity of this.throwaways.slice(0, 3)) remember(subjects, identity.id);
    for (let i = 0; i < 2; i += 1) {
      const item = expectOk(
        await this.#call("inventory", "POST", "/items", {
          token: mallory.token,
          body: {
            title: `Fuzz reportable item ${i}`,
            description: "Listed by someone the fuzzer may report.",
            categoryId: this.pool("category")[0],
            condition: "fair",
          },
        }),
        "create item",
      );
      remember(subjects, item.id);
    }
    const thread = expectOk(
      await this.#call("inventory", "POST", `/items/${subjects.at(-1) ?? ""}/conversations`, {
        token: this.token("bob"),
        body: { body: "Seed question to someone reportable." },
      }),
      "ask about an item",
    );
    this.observe("askAboutItem", thread);
    const answer = expectOk(
      await this.#call("inventory", "POST", `/conversations/${String(thread.id)}/messages`, {
        token: mallory.token,
        body: { body: "Seed answer worth reporting." },
      }),
      "answer",
    );
    remember(subjects, answer.id);
    this.observe(
      "createReport",
      expectOk(
        await this.#call("inventory", "POST", "/reports", {
          token: this.token("alice"),
          body: { subjectType: "item", subjectId: subjects.at(-2), reason: "spam" },
        }),
        "report",
      ),
    );
  }

  /** Admin actions on a person made for it, so the audit log has entries to list and filter. */
  async #seedAdminActions(): Promise<void> {
    const target = await this.register("audited");
    const admin = { token: this.token("admin") };
    expectOk(
      await this.#call("users", "POST", `/users/${target.id}/suspend`, {
        ...admin,
        body: { reason: "Seed suspension for the audit log" },
      }),
      "suspend",
    );
    expectOk(
      await this.#call("users", "POST", `/users/${target.id}/unsuspend`, { ...admin, body: {} }),
      "unsuspend",
    );
    remember(this.pool("reportSubjectId"), target.id);
    const deadline = Date.now() + 10_000;
    for (;;) {
      const log = expectOk(await this.#call("notifications", "GET", "/admin/audit-log", admin), "audit log");
      if ((log.items as unknown[]).length >= 2) return;
      if (Date.now() > deadline) throw new Error("the seed's admin actions reached no audit log within 10 s");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Waits until the seed loans are notifications of alice's and bob's, and emails with unsubscribe links. */
  async #awaitNotifications(): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (this.pool("notificationId").length < 2 || this.pool("unsubscribeToken").length === 0) {
      if (Date.now() > deadline)
        throw new Error("the seed loans became no notifications and emails within 10 s");
      await new Promise((resolve) => setTimeout(resolve, 100));
      this.readMail();
      for (const who of ["alice", "bob"] as const) {
        const res = await this.#call("notifications", "GET", "/notifications", { token: this.token(who) });
        if (res.status === 200) this.observe("listNotifications", res.json);
      }
    }
  }

  async addThrowaways(count: number): Promise<void> {
    const made = await Promise.all(Array.from({ length: count }, () => this.register("throwaway")));
    for (const identity of made) this.#adopt(identity);
  }

  #adopt(identity: Identity): void {
    this.throwaways.push(identity);
    remember(this.pool("userId"), identity.id);
    remember(this.pool("accessToken"), identity.token);
    remember(this.pool("refreshToken"), identity.refreshToken);
  }

  token(who: Principal): string {
    return this.principals.get(who)?.token ?? "";
  }

  throwaway(pick: number): Identity | undefined {
    return this.throwaways.length === 0 ? undefined : this.throwaways[pick % this.throwaways.length];
  }

  /** The value a Ref stands for now (a fresh random id when its pool is still empty). */
  resolve(ref: Ref): string {
    if (ref.pool === "accessToken") {
      const all = [
        ...[...this.principals.values()].map((p) => p.token),
        ...this.pool("accessToken"),
        this.revokedToken,
        this.expiredToken,
      ];
      return all[ref.pick % all.length] ?? "";
    }
    const pool = this.pool(ref.pool);
    if (pool.length === 0) return ref.pool.startsWith("cursor:") ? "eyJ4IjoxfQ" : `missing-${ref.pick}`;
    return pool[ref.pick % pool.length] ?? "";
  }

  /** Learns ids, tokens and cursors from a successful answer. */
  observe(routeName: string, body: unknown): void {
    if (body === null || typeof body !== "object") return;
    const record = body as Record<string, unknown>;
    if (typeof record.nextCursor === "string") remember(this.pool(`cursor:${routeName}`), record.nextCursor);
    if (Array.isArray(record.items)) for (const entry of record.items) this.#learn(routeName, entry);
    else this.#learn(routeName, record);
    if (routeName === "register" && typeof record.accessToken === "string") {
      const user = record.user as { id: string; email: string };
      this.#adopt({
        id: user.id,
        email: user.email,
        token: record.accessToken,
        refreshToken: String(record.refreshToken),
      });
    }
  }

  #learn(routeName: string, entry: unknown): void {
    if (entry === null || typeof entry !== "object") return;
    const record = entry as Record<string, unknown>;
    const id = record.id;
    // A loan names its thread (for its borrower and owner); a message its thread.
    remember(this.pool("conversationId"), record.conversationId);
    // A loan's reviews as one side sees them: the caller's own and the other's.
    if ("mine" in record && "theirs" in record) {
      this.#learn(routeName, record.mine);
      this.#learn(routeName, record.theirs);
      return;
    }
    if ("authorRole" in record && "rating" in record) remember(this.pool("reviewId"), id);
    else if ("reporter" in record && "subjectType" in record) remember(this.pool("reportId"), id);
    else if (Array.isArray(record.events)) remember(this.pool("loanId"), id);
    else if ("unreadCount" in record && "other" in record) remember(this.pool("conversationId"), id);
    else if ("condition" in record) {
      remember(this.pool("itemId"), id);
      remember(
        this.pool(`etag:${String(id)}`),
        typeof record.version === "number" ? itemETag({ version: record.version }) : undefined,
      );
      for (const photo of (record.photos as { id: string }[] | undefined) ?? [])
        remember(this.pool("photoId"), photo.id);
    } else if ("status" in record && "item" in record) remember(this.pool("loanId"), id);
    else if (routeName === "listUsers" && typeof record.email === "string")
      remember(this.pool("email"), record.email);
    else if (routeName === "listNotifications") remember(this.pool("notificationId"), id);
  }

  /**
   * Learns the tokens of the links in the emails written so far: unsubscribe links, verification
   * and password-reset links (valid requests to those routes then succeed, not only fail).
   */
  readMail(): void {
    for (const mail of this.#mailbox.read()) {
      remember(this.pool("unsubscribeToken"), mail.unsubscribeToken);
      remember(this.pool("verifyToken"), mail.pageTokens["/verify-email"]);
      remember(this.pool("resetToken"), mail.pageTokens["/reset-password"]);
    }
  }

  /** Replaces principals whose token no longer works, tops up throwaways, and reads new email. */
  async heal(): Promise<void> {
    this.readMail();
    for (const who of ["alice", "bob", "admin"] as const) {
      try {
        const current = this.principals.get(who);
        const check = await this.#call("users", "POST", "/auth/validate-token", {
          body: { token: current?.token ?? "x" },
        });
        if (check.status === 200) continue;
        const replacement = who === "admin" ? await this.#loginAdmin() : await this.register(who);
        this.principals.set(who, replacement);
        remember(this.pool("principalId"), replacement.id);
        this.healed.push(`${who} signed in again`);
      } catch (error) {
        // Not itself a finding (the requests that broke the principal were checked); the run goes on shallower.
        this.healed.push(`${who} could not be replaced: ${(error as Error).message.slice(0, 200)}`);
      }
    }
    await this.addThrowaways(2).catch((error: Error) =>
      this.healed.push(`no new throwaways: ${error.message.slice(0, 200)}`),
    );
  }

  /** Every service answers /healthz and /readyz. */
  async health(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const service of SERVICES)
      for (const path of ["/healthz", "/readyz"])
        out[`${service} ${path}`] = (await send(this.endpoints[service], { method: "GET", path })).status;
    return out;
  }
}
