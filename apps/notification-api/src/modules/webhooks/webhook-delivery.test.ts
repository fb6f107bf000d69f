import type { LookupFunction } from "node:net";
import { Webhook as StandardWebhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startReceiver, type Receiver } from "../../../test/receiver.ts";
import { sendWebhook } from "./send-webhook.ts";
import { refusalOf } from "./target-guard.ts";
import { createSecretBox, newWebhookSecret, signWebhook } from "./webhook-secrets.ts";

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

/** A resolver that answers `address` for every name: what a DNS record pointing inside would do. */
const resolvingTo =
  (address: string): LookupFunction =>
  (_hostname, _options, callback) =>
    (callback as (error: null, addresses: { address: string; family: number }[]) => void)(null, [
      { address, family: address.includes(":") ? 6 : 4 },
    ]);

describe("webhook signatures", () => {
  it("signs as Standard Webhooks has it: an independent implementation verifies it", () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const body = JSON.stringify({
      id: "e1",
      type: "loan.approved",
      timestamp: new Date().toISOString(),
      data: {},
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const id = "0b5c3c9e-1c1a-4e8f-9c1d-0d7b8b0e6a11";
    const headers = {
      "webhook-id": id,
      "webhook-timestamp": String(timestamp),
      "webhook-signature": signWebhook(secret, id, timestamp, body),
    };
    expect(new StandardWebhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new StandardWebhook(newWebhookSecret()).verify(body, headers)).toThrow();
  });

  it("keeps secrets sealed at rest, and refuses one sealed under another key", () => {
    const box = createSecretBox("a-signing-secret-of-at-least-32-characters");
    const secret = newWebhookSecret();
    const sealed = box.seal(secret);
    expect(sealed).not.toContain(secret.slice(6, 20));
    expect(box.open(sealed)).toBe(secret);
    expect(() => createSecretBox("another-signing-secret-of-32-characters!").open(sealed)).toThrow();
  });
});

describe("server-side request forgery", () => {
  it("refuses loopback, private and shared addresses unless allowed, link-local and metadata always", () => {
    const privateOnes = [
      "127.0.0.1",
      "127.9.9.9",
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.1",
      "100.64.0.1",
      "::1",
      "fc00::1",
      "fd12::1",
      "::ffff:127.0.0.1",
    ];
    for (const address of privateOnes) {
      expect(refusalOf(address, false), address).toBeDefined();
      expect(refusalOf(address, true), address).toBeUndefined();
    }
    const never = [
      "169.254.169.254",
      "169.254.0.1",
      "fe80::1",
      "fd00:ec2::254",
      "::ffff:169.254.169.254",
      "0.0.0.0",
      "224.0.0.1",
    ];
    for (const address of never) expect(refusalOf(address, true), address).toBeDefined();
    for (const address of ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"])
      expect(refusalOf(address, false), address).toBeUndefined();
  });

  it("sends nothing to a refused address: a literal, localhost, a name resolving inside, metadata", async () => {
    const path = "/forbidden";
    const send = (url: string, options: { allowPrivate: boolean; resolve?: LookupFunction }) =>
      sendWebhook(url, { "webhook-id": "x" }, "{}", { timeoutMs: 2_000, ...options });
    const attempts = [
      await send(receiver.url(path), { allowPrivate: false }),
      await send(`http://localhost:${receiver.port}${path}`, { allowPrivate: false }),
      await send(`http://hooks.example.com:${receiver.port}${path}`, {
        allowPrivate: false,
        resolve: resolvingTo("127.0.0.1"),
      }),
      // Allowing private targets never opens link-local or metadata addresses, by name or literally.
      await send(`http://metadata.example.com:${receiver.port}${path}`, {
        allowPrivate: true,
        resolve: resolvingTo("169.254.169.254"),
      }),
      await send(`http://169.254.169.254${path}`, { allowPrivate: true }),
      await send(`http://[fd00:ec2::254]${path}`, { allowPrivate: true }),
      await send(`http://10.0.0.1${path}`, { allowPrivate: false }),
    ];
    for (const attempt of attempts) {
      expect(attempt.ok).toBe(false);
      expect(attempt.status).toBeNull();
      expect(attempt.error).toMatch(/address|resolves/);
    }
    expect(receiver.at(path)).toHaveLength(0);
    // The same receiver, allowed: the refusals above were the guard's, not the network's.
    const allowed = await send(`http://localhost:${receiver.port}${path}`, { allowPrivate: true });
    expect(allowed).toMatchObject({ ok: true, status: 200 });
    expect(receiver.at(path)).toHaveLength(1);
  });

  it("follows no redirect and gives up on a slow endpoint", async () => {
    receiver.on("/moved", () => ({ status: 307, headers: { location: "/elsewhere" } }));
    receiver.on("/slow", () => "hang");
    const options = { timeoutMs: 300, allowPrivate: true };
    const moved = await sendWebhook(receiver.url("/moved"), {}, "{}", options);
    expect(moved).toMatchObject({ ok: false, status: 307 });
    expect(moved.error).toContain("redirect");
    expect(receiver.at("/elsewhere")).toHaveLength(0);
    const slow = await sendWebhook(receiver.url("/slow"), {}, "{}", options);
    expect(slow).toMatchObject({ ok: false, status: null });
    expect(slow.error).toContain("no answer within 300 ms");
  });
});
