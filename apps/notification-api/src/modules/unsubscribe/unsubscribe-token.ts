import { createHmac, timingSafeEqual } from "node:crypto";
import { EmailKindSchema, type EmailKind } from "@sharehood/sdk/contract";

/**
 * The signed token of an unsubscribe link: who and which kind, with an HMAC-SHA256 over both. It
 * does not expire (a link in an old email must still work) and grants nothing but switching that
 * one kind of email off for that one person.
 */
export function createUnsubscribeTokens(secret: string) {
  const mac = (payload: string) => createHmac("sha256", secret).update(payload).digest().subarray(0, 16);

  return {
    sign(userId: string, kind: EmailKind): string {
      const payload = `u1.${userId}.${kind}`;
      return `${Buffer.from(payload).toString("base64url")}.${mac(payload).toString("base64url")}`;
    },

    /** The person and kind of a token this service signed; undefined for any other string. */
    verify(token: string): { userId: string; kind: EmailKind } | undefined {
      const [encoded, signature, extra] = token.split(".");
      if (!encoded || !signature || extra !== undefined) return undefined;
      const payload = Buffer.from(encoded, "base64url").toString("utf8");
      const given = Buffer.from(signature, "base64url");
      const expected = mac(payload);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      // Ids never hold a dot (IdSchema); kinds do (`loan.requested`).
      const [version, userId, ...kind] = payload.split(".");
      const parsed = EmailKindSchema.safeParse(kind.join("."));
      if (version !== "u1" || !userId || !parsed.success) return undefined;
      return { userId, kind: parsed.data };
    },
  };
}

export type UnsubscribeTokens = ReturnType<typeof createUnsubscribeTokens>;
