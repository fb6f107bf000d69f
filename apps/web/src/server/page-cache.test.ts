import {
  createServer,
  get as httpGet,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import {
  ANONYMOUS_CACHE_CONTROL,
  CACHE_STATUS_HEADER,
  createPageCache,
  PAGE_OWNER_HEADER,
  pageKey,
  PERSONAL_RENDER_HEADER,
  personalPageKey,
  SESSION_MARK,
  SHARED_RENDER_HEADER,
  SIGNED_IN_CACHE_CONTROL,
} from "../../scripts/page-cache.mjs";
import { SESSION_MARK as MARK_THE_PAGE_READS } from "../features/layout/viewer.tsx";
import * as requestPath from "./request-path.ts";

type Render = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Where a page names a render it refuses to have kept (src/server/personal-render.ts). */
const unkeptRenders = () =>
  ((globalThis as unknown as Record<symbol, Set<string> | undefined>)[
    Symbol.for("sharehood.web.unkept-renders")
  ] ??= new Set());

/**
 * A stand-in for Next.js: a page whose scripts carry the nonce of its CSP header, as proxy.ts sets
 * it. Asked for a person's own page, it says whose as the proxy does: the person is the session
 * cookie's value, their session needs no refresh for `freshForMs`.
 */
function fakeNext(
  options: {
    status?: number;
    cookie?: boolean;
    delayMs?: number;
    freshForMs?: number;
    refuse?: boolean;
  } = {},
) {
  const calls: string[] = [];
  const requests: IncomingMessage["headers"][] = [];
  const render: Render = async (req, res) => {
    calls.push(req.url ?? "");
    requests.push({ ...req.headers });
    const personal = req.headers[PERSONAL_RENDER_HEADER];
    const person = /sharehood\.session=(\w+)/.exec(req.headers.cookie ?? "")?.[1];
    if (typeof personal === "string" && person)
      res.setHeader(PAGE_OWNER_HEADER, `${person} ${Date.now() + (options.freshForMs ?? 600_000)}`);
    if (typeof personal === "string" && options.refuse) unkeptRenders().add(personal);
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    const nonce = `n${calls.length}AbC+/=`;
    res.statusCode = options.status ?? 200;
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.setHeader("content-security-policy", `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    res.setHeader("cache-control", "private, no-cache, no-store, max-age=0, must-revalidate");
    if (options.cookie) res.setHeader("set-cookie", "sharehood.session=x; Path=/");
    // Streamed in parts, as React does.
    res.write(`<!DOCTYPE html><html lang="en"><script nonce="${nonce}">a()</script>`);
    res.write(`<p>render ${calls.length} of ${req.url} ${"x".repeat(2000)}</p>`);
    res.end(`<script nonce="${nonce}">self.__next_f.push([1,"${nonce}"])</script></html>`);
  };
  return { render, calls, requests };
}

const servers: Server[] = [];
afterEach(() => Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve)))));

async function serve(cache: ReturnType<typeof createPageCache>, render: Render): Promise<string> {
  const server = createServer((req, res) => void cache.handle(req, res, render));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function get(url: string, headers: Record<string, string> = {}, method = "GET") {
  const res = await fetch(url, { headers, method });
  const body = await res.text();
  const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];
  return { res, body, nonce, cache: res.headers.get(CACHE_STATUS_HEADER) };
}

const cacheFor = (ttlSeconds = 60) => createPageCache({ ttlSeconds, maxBytes: 8 * 1024 * 1024 });

describe("the page cache", () => {
  it("answers the next anonymous visitor from memory, with a nonce of its own in the header and the body", async () => {
    const next = fakeNext();
    const base = await serve(cacheFor(), next.render);
    const first = await get(`${base}/items/abc`);
    const second = await get(`${base}/items/abc`);
    const third = await get(`${base}/items/abc`);
    expect(next.calls).toHaveLength(1);
    expect([first.cache, second.cache, third.cache]).toEqual(["miss", "hit", "hit"]);
    expect(second.body.replaceAll(second.nonce!, "N")).toBe(first.body.replaceAll(first.nonce!, "N"));
    expect(new Set([first.nonce, second.nonce, third.nonce]).size).toBe(3);
    // Every place the stored nonce was, and nowhere else, now holds this response's.
    expect(second.body).not.toContain(first.nonce);
    expect(second.body.split(second.nonce!).length).toBe(first.body.split(first.nonce!).length);
    for (const answer of [first, second]) {
      expect(answer.res.headers.get("cache-control")).toBe(ANONYMOUS_CACHE_CONTROL);
      expect(answer.res.headers.get("set-cookie")).toBeNull();
    }
  });

  it("keeps the browse page per query, and never pages that are not public", async () => {
    const next = fakeNext();
    const base = await serve(cacheFor(), next.render);
    for (const path of [
      "/?q=drill",
      "/?q=drill",
      "/?category=tools",
      "/sign-in",
      "/sign-in",
      "/items/new",
      "/items/new",
    ])
      await get(`${base}${path}`);
    expect(next.calls).toEqual([
      "/?q=drill",
      "/?category=tools",
      "/sign-in",
      "/sign-in",
      "/items/new",
      "/items/new",
    ]);
  });

  it("gives signed-in visitors the shared page, marked for them and private, rendered for nobody", async () => {
    const next = fakeNext();
    const base = await serve(cacheFor(), next.render);
    const signedIn = { cookie: "theme=dark; sharehood.session.0=abc" };
    const first = await get(`${base}/items/abc`, signedIn);
    const anonymous = await get(`${base}/items/abc`);
    const again = await get(`${base}/items/abc`, { cookie: "sharehood.session=abc" });
    expect(next.calls).toHaveLength(1);
    expect([first.cache, anonymous.cache, again.cache]).toEqual(["miss", "hit", "hit"]);
    // Next.js saw no cookie, and was told the render is shared.
    expect(next.requests[0]?.cookie).toBeUndefined();
    expect(next.requests[0]?.[SHARED_RENDER_HEADER]).toBe("1");
    // The kept copy is unmarked; each signed-in visitor's copy carries the mark once, on <html>.
    expect(anonymous.body).not.toContain("data-session");
    for (const answer of [first, again]) {
      expect(answer.body).toMatch(/^<!DOCTYPE html><html data-session="" lang="en">/);
      expect(answer.body.split("data-session").length).toBe(2);
      expect(answer.res.headers.get("cache-control")).toBe(SIGNED_IN_CACHE_CONTROL);
    }
    expect(anonymous.res.headers.get("cache-control")).toBe(ANONYMOUS_CACHE_CONTROL);
    for (const answer of [first, anonymous, again]) expect(answer.res.headers.get("vary")).toMatch(/cookie/i);
    // A client cannot ask for a shared render of a page that is not shared.
    await get(`${base}/loans`, { [SHARED_RENDER_HEADER]: "1", cookie: "sharehood.session=abc" });
    expect(next.requests[1]?.[SHARED_RENDER_HEADER]).toBeUndefined();
    expect(next.requests[1]?.cookie).toBe("sharehood.session=abc");
  });

  it("keeps nothing that sets a cookie or is not a 200", async () => {
    for (const next of [fakeNext({ cookie: true }), fakeNext({ status: 404 })]) {
      const base = await serve(cacheFor(), next.render);
      await get(`${base}/items/gone`);
      await get(`${base}/items/gone`);
      expect(next.calls).toHaveLength(2);
    }
  });

  it("drops every page when the catalogue changes, and keeps a page one second while nothing announces changes", async () => {
    let announce = () => {};
    const watched = createPageCache({
      ttlSeconds: 60,
      maxBytes: 8 * 1024 * 1024,
      watch: ({ changed, watching }) => {
        announce = changed;
        watching(true);
        return () => Promise.resolve();
      },
    });
    const next = fakeNext();
    const base = await serve(watched, next.render);
    await get(`${base}/`);
    await get(`${base}/`);
    announce();
    expect((await get(`${base}/`)).body).toContain("render 2 of /");
    expect(next.calls).toHaveLength(2);

    const unwatched = fakeNext();
    const unwatchedBase = await serve(cacheFor(), unwatched.render);
    await get(`${unwatchedBase}/`);
    await get(`${unwatchedBase}/`);
    expect(unwatched.calls).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 1_050));
    await get(`${unwatchedBase}/`);
    expect(unwatched.calls).toHaveLength(2);
  });

  it("lets visitors who arrive during a render wait for it instead of rendering again", async () => {
    const next = fakeNext({ delayMs: 150 });
    const base = await serve(cacheFor(), next.render);
    const answers = await Promise.all(Array.from({ length: 8 }, () => get(`${base}/items/popular`)));
    expect(next.calls).toHaveLength(1);
    expect(answers.filter((a) => a.cache === "hit")).toHaveLength(7);
  });

  it("is not stuck on a render whose visitor left before it was done", async () => {
    for (const [path, headers] of [
      ["/items/left", {}],
      ["/loans", { cookie: "sharehood.session=ann" }],
    ] as const) {
      const next = fakeNext({ delayMs: 150 });
      const base = await serve(cacheFor(), next.render);
      const leaving = new AbortController();
      const left = fetch(`${base}${path}`, { headers, signal: leaving.signal }).catch(() => "left");
      await new Promise((resolve) => setTimeout(resolve, 30));
      leaving.abort();
      expect(await left).toBe("left");
      await new Promise((resolve) => setTimeout(resolve, 200));
      const timeout = new Promise((resolve) => setTimeout(() => resolve("no answer within 2 s"), 2_000));
      const answer = await Promise.race([get(`${base}${path}`, headers).then((a) => a.res.status), timeout]);
      expect(answer, path).toBe(200);
    }
  });

  it("compresses pages for clients that accept gzip, the first visitor's as well", async () => {
    const next = fakeNext();
    const base = await serve(cacheFor(), next.render);
    const gzipped = async (headers: Record<string, string> = {}) => {
      const res = await new Promise<IncomingMessage>((resolve) =>
        httpGet(`${base}/`, { headers: { "accept-encoding": "gzip, br", ...headers } }, resolve),
      );
      const chunks: Buffer[] = [];
      for await (const chunk of res) chunks.push(chunk as Buffer);
      return { res, text: gunzipSync(Buffer.concat(chunks)).toString() };
    };
    const first = await gzipped();
    const second = await gzipped();
    expect([first.res.headers[CACHE_STATUS_HEADER], second.res.headers[CACHE_STATUS_HEADER]]).toEqual([
      "miss",
      "hit",
    ]);
    // Kept pages are compressed once, part by part; each answer puts its own nonce between them.
    const signedIn = await gzipped({ cookie: "sharehood.session=abc" });
    const anonymous = await gzipped();
    for (const { res, text } of [first, second, signedIn, anonymous]) {
      expect(res.headers["content-encoding"]).toBe("gzip");
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(text).toContain("render 1 of /");
      const nonce = /'nonce-([^']+)'/.exec(String(res.headers["content-security-policy"]))?.[1];
      expect(text.split(nonce!).length, "every nonce of the page is this answer's").toBe(4);
    }
    expect(signedIn.text).toMatch(/^<!DOCTYPE html><html data-session="" lang="en">/);
    expect(anonymous.text).not.toContain("data-session");
    expect(next.calls).toHaveLength(1);
  });

  it("names the headers and the session mark as the layout, the proxy and the page read them", () => {
    expect(SHARED_RENDER_HEADER).toBe(requestPath.SHARED_RENDER_HEADER);
    expect(PERSONAL_RENDER_HEADER).toBe(requestPath.PERSONAL_RENDER_HEADER);
    expect(PAGE_OWNER_HEADER).toBe(requestPath.PAGE_OWNER_HEADER);
    expect(SESSION_MARK).toBe(MARK_THE_PAGE_READS);
  });

  it("keys a page by its origin and by the headers an RSC answer depends on", () => {
    const request = (headers: Record<string, string>, url = "/") =>
      ({ method: "GET", url, headers }) as unknown as IncomingMessage;
    const plain = pageKey(request({ host: "a.example" }));
    expect(pageKey(request({ host: "b.example" }))).not.toBe(plain);
    expect(pageKey(request({ host: "a.example", rsc: "1" }))).not.toBe(plain);
    expect(pageKey(request({ host: "a.example", "next-action": "abc" }))).toBeUndefined();
    expect(pageKey(request({ host: "a.example" }, "/loans"))).toBeUndefined();
    // Public profiles are kept; a person's own pages are not.
    expect(pageKey(request({ host: "a.example" }, "/people/u1"))).toBeDefined();
    expect(pageKey(request({ host: "a.example" }, "/saved"))).toBeUndefined();
    // A person's Borrowing page is kept for their session, by the whole Cookie header.
    const mine = personalPageKey(request({ host: "a.example", cookie: "sharehood.session=a" }, "/loans"));
    expect(mine).toBeDefined();
    expect(personalPageKey(request({ host: "a.example", cookie: "sharehood.session=b" }, "/loans"))).not.toBe(
      mine,
    );
    expect(personalPageKey(request({ host: "a.example" }, "/loans"))).toBeUndefined();
    expect(
      personalPageKey(request({ host: "a.example", cookie: "sharehood.session=a" }, "/loans/l1")),
    ).toBeUndefined();
  });
});

describe("a person's own page", () => {
  /** A cache whose watch the test drives: `people` is what an event concerning them says. */
  function watchedCache() {
    const watch = { changed: () => {}, people: (_ids: string[]) => {} };
    const cache = createPageCache({
      ttlSeconds: 60,
      maxBytes: 8 * 1024 * 1024,
      watch: ({ changed, peopleChanged, watching }) => {
        watch.changed = changed;
        watch.people = (ids) => peopleChanged(ids);
        watching(true);
        return () => Promise.resolve();
      },
    });
    return { cache, watch };
  }
  const as = (person: string) => ({ cookie: `sharehood.session=${person}` });

  it("is kept for that session alone, private and unmarked, rendered with its cookies", async () => {
    const next = fakeNext();
    const base = await serve(cacheFor(), next.render);
    const first = await get(`${base}/loans?view=owner`, as("ann"));
    const again = await get(`${base}/loans?view=owner`, as("ann"));
    const other = await get(`${base}/loans?view=owner`, as("bob"));
    await get(`${base}/loans?view=owner`);
    await get(`${base}/loans?view=owner`);
    expect([first.cache, again.cache, other.cache]).toEqual(["miss", "hit", "miss"]);
    // Signed out, the page is the app's own affair (a redirect to sign-in), never kept.
    expect(next.calls).toHaveLength(4);
    expect(again.body.replaceAll(again.nonce!, "N")).toBe(first.body.replaceAll(first.nonce!, "N"));
    expect(other.body).toContain("render 2 of");
    expect(next.requests[0]?.cookie).toBe("sharehood.session=ann");
    expect(next.requests[0]?.[SHARED_RENDER_HEADER]).toBeUndefined();
    for (const answer of [first, again]) {
      expect(answer.res.headers.get("cache-control")).toBe(SIGNED_IN_CACHE_CONTROL);
      expect(answer.res.headers.get(PAGE_OWNER_HEADER)).toBeNull();
      expect(answer.body).not.toContain("data-session");
    }
  });

  it("goes when an event concerns the person, or their session writes; the catalogue's changes drop all", async () => {
    const { cache, watch } = watchedCache();
    const next = fakeNext();
    const base = await serve(cache, next.render);
    const visit = async (person: string) => (await get(`${base}/loans`, as(person))).cache;
    expect([await visit("ann"), await visit("bob"), await visit("ann"), await visit("bob")]).toEqual([
      "miss",
      "miss",
      "hit",
      "hit",
    ]);
    watch.people(["ann", "cat"]);
    expect([await visit("ann"), await visit("bob")]).toEqual(["miss", "hit"]);
    // A write sent with Bob's session (a server action, a route handler), whatever its path.
    await get(`${base}/api/loans/l1/approve`, as("bob"), "POST");
    expect([await visit("ann"), await visit("bob")]).toEqual(["hit", "miss"]);
    watch.changed();
    expect([await visit("ann"), await visit("bob")]).toEqual(["miss", "miss"]);
  });

  it("keeps no render that began before a change concerning the person", async () => {
    const { cache, watch } = watchedCache();
    const next = fakeNext({ delayMs: 100 });
    const base = await serve(cache, next.render);
    const during = get(`${base}/loans`, as("ann"));
    await new Promise((resolve) => setTimeout(resolve, 30));
    watch.people(["ann"]);
    expect((await during).cache).toBe("miss");
    expect((await get(`${base}/loans`, as("ann"))).cache).toBe("miss");
    expect(next.calls).toHaveLength(2);
  });

  it("keeps no render that read the data while a write of the session was under way", async () => {
    const next = fakeNext();
    const slowWrites: Render = async (req, res) => {
      if (req.method === "POST") await new Promise((resolve) => setTimeout(resolve, 150));
      return next.render(req, res);
    };
    const base = await serve(cacheFor(), slowWrites);
    const write = get(`${base}/api/loans/l1/approve`, as("bob"), "POST");
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect((await get(`${base}/loans`, as("bob"))).cache).toBe("miss");
    await write;
    expect((await get(`${base}/loans`, as("bob"))).cache).toBe("miss");
    expect((await get(`${base}/loans`, as("bob"))).cache).toBe("hit");
  });

  it("is not kept when the page refused it or the proxy did not say whose it is, nor past the session's refresh", async () => {
    const refused = fakeNext({ refuse: true });
    const refusedBase = await serve(cacheFor(), refused.render);
    await get(`${refusedBase}/loans`, as("ann"));
    await get(`${refusedBase}/loans`, as("ann"));
    expect(refused.calls).toHaveLength(2);
    expect(unkeptRenders().size).toBe(0);

    // No person in the cookie: the stand-in, like the proxy for a session it could not read, says nobody.
    const unvouched = fakeNext();
    const unvouchedBase = await serve(cacheFor(), unvouched.render);
    await get(`${unvouchedBase}/loans`, { cookie: "sharehood.session=" });
    await get(`${unvouchedBase}/loans`, { cookie: "sharehood.session=" });
    expect(unvouched.calls).toHaveLength(2);

    const refreshing = fakeNext({ freshForMs: 150 });
    const refreshingBase = await serve(cacheFor(), refreshing.render);
    await get(`${refreshingBase}/loans`, as("ann"));
    expect((await get(`${refreshingBase}/loans`, as("ann"))).cache).toBe("hit");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await get(`${refreshingBase}/loans`, as("ann"))).cache).toBe("miss");
  });

  it("takes half the cache's room at most, however many sessions ask, leaving the public pages theirs", async () => {
    const next = fakeNext();
    // Room for eight pages of the stand-in's (about 5.5 kB each, as counted), four of them people's.
    const base = await serve(createPageCache({ ttlSeconds: 60, maxBytes: 48 * 1024 }), next.render);
    await get(`${base}/items/a`);
    await get(`${base}/items/b`);
    for (const person of ["ann", "bob", "cat", "dan", "eve", "fay"]) await get(`${base}/loans`, as(person));
    expect((await get(`${base}/items/a`)).cache).toBe("hit");
    expect((await get(`${base}/items/b`)).cache).toBe("hit");
    expect((await get(`${base}/loans`, as("fay"))).cache).toBe("hit");
    expect((await get(`${base}/loans`, as("cat"))).cache).toBe("hit");
    expect((await get(`${base}/loans`, as("ann"))).cache).toBe("miss");
  });

  it("is rendered afresh on a hard reload, which keeps the new copy", async () => {
    const next = fakeNext();
    const base = await serve(cacheFor(), next.render);
    await get(`${base}/loans`, as("ann"));
    const reloaded = await get(`${base}/loans`, { ...as("ann"), "cache-control": "no-cache" });
    const after = await get(`${base}/loans`, as("ann"));
    expect([reloaded.cache, after.cache]).toEqual(["miss", "hit"]);
    expect(after.body).toContain("render 2 of");
    // A shared page is not rendered again for asking.
    await get(`${base}/`);
    expect((await get(`${base}/`, { "cache-control": "no-cache" })).cache).toBe("hit");
  });
});
