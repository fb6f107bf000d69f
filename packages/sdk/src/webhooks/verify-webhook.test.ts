import { Webhook, WebhookVerificationError as ReferenceVerificationError } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { createWebhookSecret, signWebhook } from "./sign-webhook.ts";
import { verifyWebhook, WebhookVerificationError, type WebhookRefusal } from "./verify-webhook.ts";

// The Standard Webhooks reference library's own test vector.
const VECTOR = {
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  timestamp: 1614265330,
  payload: '{"test": 2432232314}',
  signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
};

const NOW = Date.parse("2026-03-01T12:00:00Z");
const nowSeconds = NOW / 1000;
const event = {
  id: "0b7a5f0e-8a8e-4bd5-9a55-0f1c3c0d6a11",
  type: "loan.requested",
  timestamp: "2026-03-01T11:59:59.000Z",
  data: { subject: { type: "loan", id: "l1" }, actor: { id: "u2" } },
};
const body = JSON.stringify(event);

async function refusal(promise: Promise<unknown>): Promise<WebhookRefusal | "accepted"> {
  try {
    await promise;
    return "accepted";
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError);
    return (error as WebhookVerificationError).reason;
  }
}

describe("signWebhook", () => {
  it("matches the Standard Webhooks test vector", async () => {
    const headers = await signWebhook({ ...VECTOR, timestamp: VECTOR.timestamp });
    expect(headers).toEqual({
      "webhook-id": VECTOR.id,
      "webhook-timestamp": String(VECTOR.timestamp),
      "webhook-signature": VECTOR.signature,
    });
    // A secret without its prefix is the same key, as the spec allows.
    const bare = await signWebhook({ ...VECTOR, secret: VECTOR.secret.slice("whsec_".length) });
    expect(bare["webhook-signature"]).toBe(VECTOR.signature);
  });

  it("signs what the reference library verifies, and verifies what it signs", async () => {
    const secret = createWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const reference = new Webhook(secret);
    const headers = await signWebhook({ id: event.id, payload: body, secret });
    expect(reference.verify(body, { ...headers })).toEqual(event);

    const theirs = reference.sign(event.id, new Date(NOW), body);
    const verified = await verifyWebhook({
      payload: body,
      headers: {
        "webhook-id": event.id,
        "webhook-timestamp": String(nowSeconds),
        "webhook-signature": theirs,
      },
      secret,
      now: () => NOW,
    });
    expect(verified).toEqual(event);

    const tampered = {
      ...headers,
      // Its first character changed (to "A", or to "B" when it is "A": one signature in 64).
      "webhook-signature": headers["webhook-signature"].replace(/^v1,(.)/, (_, first: string) =>
        first === "A" ? "v1,B" : "v1,A",
      ),
    };
    expect(() => reference.verify(body, tampered)).toThrow(ReferenceVerificationError);
  });
});

describe("verifyWebhook", () => {
  const secret = "whsec_" + btoa("a test secret of 24 bytes");
  const signed = (overrides: { payload?: string; timestamp?: number; secret?: string } = {}) =>
    signWebhook({
      id: event.id,
      payload: overrides.payload ?? body,
      secret: overrides.secret ?? secret,
      timestamp: overrides.timestamp ?? nowSeconds,
    });
  const verify = (headers: Record<string, string>, payload: string | Uint8Array = body) =>
    verifyWebhook({ payload, headers, secret, now: () => NOW });

  it("answers the event of a genuine delivery, from a string, bytes, a Headers object or Node's headers", async () => {
    const headers = await signed();
    expect(await verify(headers)).toEqual(event);
    expect(await verify(headers, new TextEncoder().encode(body))).toEqual(event);
    const fetchHeaders = new Headers({ ...headers, "content-type": "application/json" });
    expect(await verifyWebhook({ payload: body, headers: fetchHeaders, secret, now: () => NOW })).toEqual(
      event,
    );
    const nodeHeaders = {
      "Webhook-Id": headers["webhook-id"],
      "webhook-timestamp": [headers["webhook-timestamp"]],
      "webhook-signature": headers["webhook-signature"],
    };
    expect(await verifyWebhook({ payload: body, headers: nodeHeaders, secret, now: () => NOW })).toEqual(
      event,
    );
  });

  it("refuses a tampered body, a wrong secret, a changed id and a changed timestamp", async () => {
    const headers = await signed();
    expect(await refusal(verify(headers, body.replace("loan.requested", "loan.approved")))).toBe(
      "no_matching_signature",
    );
    expect(await refusal(verify(await signed({ secret: "whsec_" + btoa("another secret entirely!") })))).toBe(
      "no_matching_signature",
    );
    expect(await refusal(verify({ ...headers, "webhook-id": "another" }))).toBe("no_matching_signature");
    expect(await refusal(verify({ ...headers, "webhook-timestamp": String(nowSeconds + 1) }))).toBe(
      "no_matching_signature",
    );
    expect(await refusal(verify({ ...headers, "webhook-signature": "v1,not base64!" }))).toBe(
      "no_matching_signature",
    );
    expect(await refusal(verify({ ...headers, "webhook-signature": "v1," }))).toBe("no_matching_signature");
  });

  it("refuses timestamps older or newer than the tolerance, and accepts them at its edge", async () => {
    expect(await refusal(verify(await signed({ timestamp: nowSeconds - 301 })))).toBe("timestamp_too_old");
    expect(await refusal(verify(await signed({ timestamp: nowSeconds + 301 })))).toBe("timestamp_too_new");
    expect(await refusal(verify(await signed({ timestamp: nowSeconds - 300 })))).toBe("accepted");
    expect(await refusal(verify(await signed({ timestamp: nowSeconds + 300 })))).toBe("accepted");
    const old = await signed({ timestamp: nowSeconds - 3600 });
    expect(
      await refusal(
        verifyWebhook({ payload: body, headers: old, secret, now: () => NOW, toleranceSeconds: 7200 }),
      ),
    ).toBe("accepted");
    expect(await refusal(verify({ ...(await signed()), "webhook-timestamp": "soon" }))).toBe(
      "invalid_timestamp",
    );
  });

  it("accepts any one of several signatures (a secret being rotated) and skips other versions", async () => {
    const good = (await signed())["webhook-signature"];
    const old = (await signed({ secret: "whsec_" + btoa("the secret before rotation") }))[
      "webhook-signature"
    ];
    const v2 = good.replace("v1,", "v2,");
    const headers = { ...(await signed()), "webhook-signature": `${old} ${v2} ${good}` };
    expect(await verify(headers)).toEqual(event);
    expect(await refusal(verify({ ...headers, "webhook-signature": `${old} ${v2}` }))).toBe(
      "no_matching_signature",
    );
  });

  it("refuses missing headers and a body that is not a Sharehood event", async () => {
    const headers = await signed();
    for (const name of ["webhook-id", "webhook-timestamp", "webhook-signature"] as const) {
      const { [name]: _left, ...rest } = headers;
      expect(await refusal(verify(rest))).toBe("missing_headers");
    }
    for (const payload of ["not json", '{"hello":"world"}', "[]"]) {
      expect(await refusal(verify(await signed({ payload }), payload))).toBe("invalid_payload");
    }
  });

  it("refuses what the reference library refuses for its own vector (too old by now)", async () => {
    const headers = {
      "webhook-id": VECTOR.id,
      "webhook-timestamp": String(VECTOR.timestamp),
      "webhook-signature": VECTOR.signature,
    };
    expect(() => new Webhook(VECTOR.secret).verify(VECTOR.payload, headers)).toThrow(
      ReferenceVerificationError,
    );
    expect(await refusal(verifyWebhook({ payload: VECTOR.payload, headers, secret: VECTOR.secret }))).toBe(
      "timestamp_too_old",
    );
    // At its own time the vector verifies (its body is JSON but not an event, hence that refusal).
    const then = () => VECTOR.timestamp * 1000;
    expect(
      await refusal(verifyWebhook({ payload: VECTOR.payload, headers, secret: VECTOR.secret, now: then })),
    ).toBe("invalid_payload");
  });

  it("tells a secret that is not base64 apart from a refused request", async () => {
    const headers = await signed();
    for (const wrong of ["whsec_%%%", "whsec_"])
      await expect(verifyWebhook({ payload: body, headers, secret: wrong, now: () => NOW })).rejects.toThrow(
        TypeError,
      );
  });
});
