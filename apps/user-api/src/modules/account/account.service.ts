import type {
  PasswordResetBodySchema,
  PasswordResetRequestBodySchema,
  VerifyEmailBodySchema,
} from "@sharehood/sdk/contract";
import { AppError, type RateLimiter } from "@sharehood/server-kit";
import type { z } from "zod";
import type { Caller } from "../auth/caller.ts";
import { accountFailuresKey } from "../auth/password-attempts.ts";
import { hashPassword } from "../auth/passwords.ts";
import type { Revoke } from "../auth/revocations.ts";
import { accountEvents } from "../events/account-events.ts";
import type { BackgroundTasks } from "./background.ts";
import { hashToken, newEmailToken } from "./email-tokens.ts";
import type { EmailTokensRepository } from "./email-tokens.repository.ts";

export interface AccountServiceDeps {
  emailTokens: EmailTokensRepository;
  revoke: Revoke;
  limiter: RateLimiter;
  background: BackgroundTasks;
  config: {
    LOGIN_MAX_FAILURES_PER_EMAIL: number;
    LOGIN_MAX_FAILURES_PER_IP: number;
    REGISTER_MAX_PER_IP: number;
    RATE_LIMIT_WINDOW_SECONDS: number;
  };
}

// One answer for every token that does not work, so it tells nothing about which tokens exist.
const badLink = () =>
  new AppError("validation_failed", "This link is invalid, has been used or has expired", {
    errors: [{ path: "body.token", message: "is invalid, used or expired" }],
  });

/** Email verification and password reset: the account changes that go through an emailed link. */
export function createAccountService(deps: AccountServiceDeps) {
  const { emailTokens, revoke, limiter, background, config } = deps;
  const windowMs = config.RATE_LIMIT_WINDOW_SECONDS * 1000;

  /**
   * Runs a token check under a per-address limit of failures, as sign-in limits passwords: each
   * attempt counts before the work, a success gives it back. The tokens are 256 random bits, so
   * this limits load (a reset hashes a password) more than guessing.
   */
  async function tokenAttempt<T>(address: string, attempt: () => Promise<T | null>): Promise<T> {
    const perAddress = {
      key: `email-token-fail:ip:${address}`,
      max: config.LOGIN_MAX_FAILURES_PER_IP,
      windowMs,
    };
    await limiter.consume([perAddress]);
    const result = await attempt();
    if (result === null) throw badLink();
    await limiter.release([perAddress]);
    return result;
  }

  return {
    /** Mails a new link to the caller's address; an address already verified gets nothing (still 202). */
    async requestEmailVerification(caller: Caller): Promise<void> {
      // Per account, as register limits sign-ups per email address: a session must not be able
      // to flood one inbox with mail.
      await limiter.consume([
        { key: `verify-request:user:${caller.user.id}`, max: config.LOGIN_MAX_FAILURES_PER_EMAIL, windowMs },
      ]);
      const { stored, link } = newEmailToken("verify_email");
      await emailTokens.issueVerification(caller.user.id, stored, (user) => [
        accountEvents.verificationRequested(user, link),
      ]);
    },

    async verifyEmail(body: z.output<typeof VerifyEmailBodySchema>, address: string): Promise<void> {
      await tokenAttempt(address, async () =>
        (await emailTokens.verifyEmail(hashToken(body.token))) ? true : null,
      );
    },

    /**
     * Always the same empty 202, at once. The limits are counted first, by address and by the
     * email asked about whether or not an account has it, so even a 429 says nothing. The lookup,
     * the token and the event happen after the answer has gone (a background task): the answer
     * cannot take longer for an existing account because it does not wait for the work at all.
     * Padding every answer to a fixed delay would also hide it, but only as long as the work never
     * outlasts the pad (a slow database would give it away), and it would hold every request open.
     */
    async requestPasswordReset(
      body: z.output<typeof PasswordResetRequestBodySchema>,
      address: string,
    ): Promise<void> {
      await limiter.consume([
        { key: `reset-request:ip:${address}`, max: config.REGISTER_MAX_PER_IP, windowMs },
        { key: `reset-request:email:${body.email}`, max: config.LOGIN_MAX_FAILURES_PER_EMAIL, windowMs },
      ]);
      background.run("password reset request", async () => {
        const { stored, link } = newEmailToken("password_reset");
        await emailTokens.issueForEmail(body.email, stored, (user) => [
          accountEvents.passwordResetRequested(user, link),
        ]);
      });
    },

    /**
     * Sets the new password with a reset link. Every session of the account ends, as when the
     * password is changed, including the revocation other services listen to; the link and any
     * other reset link of the account stop working; the account's sign-in failures are forgotten.
     */
    async resetPassword(body: z.output<typeof PasswordResetBodySchema>, address: string): Promise<void> {
      const hash = hashToken(body.token);
      const { user, revokedAccessHashes } = await tokenAttempt(address, async () => {
        // Hashing a password costs ~20 ms and 19 MiB: only for a token that can still work.
        if (!(await emailTokens.isUsable(hash, "password_reset"))) return null;
        const passwordHash = await hashPassword(body.password);
        return emailTokens.resetPassword(hash, passwordHash, (changed) => [
          accountEvents.passwordChanged(changed),
        ]);
      });
      await revoke({ userId: user.id, tokenHashes: revokedAccessHashes, reason: "password_changed" });
      await limiter.reset([{ key: accountFailuresKey(user.email), max: 0, windowMs }]);
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
