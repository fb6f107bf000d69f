import { Router } from "express";
import { notificationRoutes } from "@sharehood/sdk/contract";
import { AppError } from "@sharehood/server-kit";
import type { Mount } from "../auth/mount.ts";
import type { PreferencesRepository } from "../preferences/preferences.repository.ts";
import { hadOversizedBody, MAX_BODY_BYTES } from "./one-click-body.ts";
import type { UnsubscribeTokens } from "./unsubscribe-token.ts";

/**
 * GET /unsubscribe (the link opened in a browser) and POST /unsubscribe (RFC 8058 one-click, sent by
 * mail programs): both switch the token's kind of email off for the token's person. Repeating it
 * is harmless. A person who no longer exists just gets a setting nobody reads.
 */
export function unsubscribeRouter(
  mount: Mount,
  deps: { tokens: UnsubscribeTokens; preferences: PreferencesRepository },
): Router {
  const router = Router();
  const unsubscribe = async (token: string) => {
    const signed = deps.tokens.verify(token);
    if (!signed)
      throw new AppError("validation_failed", "This unsubscribe link is not valid", {
        errors: [{ path: "query.token", message: "is not a token this service signed" }],
      });
    await deps.preferences.update(signed.userId, { [signed.kind]: false });
    return { kind: signed.kind, email: false as const };
  };
  mount(router, notificationRoutes.unsubscribeLanding, ({ query }) => unsubscribe(query.token));
  mount(router, notificationRoutes.unsubscribe, ({ query, req }) => {
    if (hadOversizedBody(req))
      throw new AppError(
        "payload_too_large",
        `A one-click unsubscribe body is at most ${MAX_BODY_BYTES} bytes`,
      );
    return unsubscribe(query.token);
  });
  return router;
}
