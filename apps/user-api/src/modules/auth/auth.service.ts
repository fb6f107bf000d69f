import { PERMISSIONS_BY_ROLE, type AuthResult, type TokenValidation } from "@sharehood/sdk";
import type { LoginBodySchema, RefreshBodySchema, RegisterBodySchema } from "@sharehood/sdk/contract";
import { AppError, conflict, unauthenticated, type RateLimiter } from "@sharehood/server-kit";
import type { z } from "zod";
import { isForeignKeyViolation, isUniqueViolation } from "../../db.ts";
import { newEmailToken } from "../account/email-tokens.ts";
import { accountEvents } from "../events/account-events.ts";
import type { UserDtos, UserFields } from "../users/user-dto.ts";
import type { UsersRepository } from "../users/users.repository.ts";
import { accountSuspended } from "./account-suspended.ts";
import type { Caller } from "./caller.ts";
import type { PasswordAttempts } from "./password-attempts.ts";
import { burnPasswordCheck, hashPassword, verifyPassword } from "./passwords.ts";
import type { Revoke } from "./revocations.ts";
import type { SessionsRepository, TokenRecord } from "./sessions.repository.ts";
import type { ValidationCache } from "./cached-validation.ts";
import type { ValidateAccessToken } from "../access-tokens/access-token-validation.ts";
import type { RecordTokenUse } from "../access-tokens/token-use.ts";
import { ACCESS_TOKEN_PREFIX } from "@sharehood/sdk";
import { generateToken, hashToken } from "./tokens.ts";

export interface AuthServiceDeps {
  users: UsersRepository;
  sessions: SessionsRepository;
  cache: ValidationCache;
  revoke: Revoke;
  limiter: RateLimiter;
  passwordAttempts: PasswordAttempts;
  dto: UserDtos;
  validateAccessToken: ValidateAccessToken;
  recordTokenUse: RecordTokenUse;
  config: {
    ACCESS_TOKEN_TTL_SECONDS: number;
    REFRESH_TOKEN_TTL_SECONDS: number;
    SESSION_MAX_LIFETIME_SECONDS: number;
    REFRESH_REUSE_GRACE_SECONDS: number;
    LOGIN_MAX_FAILURES_PER_EMAIL: number;
    REGISTER_MAX_PER_IP: number;
    RATE_LIMIT_WINDOW_SECONDS: number;
  };
}

const callerOf = (validation: TokenValidation, sessionId: string | null, tokenHash: string): Caller => ({
  user: validation.user,
  permissions: validation.permissions,
  expiresAt: validation.expiresAt,
  tokenKind: validation.tokenKind ?? "session",
  scopes: validation.scopes,
  sessionId,
  tokenHash,
});

const badCredentials = () => new AppError("unauthenticated", "The email or password is incorrect");

const invalidToken = (detail: string) =>
  new AppError("unauthenticated", detail, { extensions: { valid: false } });

export function createAuthService(deps: AuthServiceDeps) {
  const { users, sessions, cache, revoke, limiter, passwordAttempts, dto, config } = deps;
  const { validateAccessToken, recordTokenUse } = deps;
  const windowMs = config.RATE_LIMIT_WINDOW_SECONDS * 1000;
  const sessionEndOf = (sessionCreatedAt: Date) =>
    sessionCreatedAt.getTime() + config.SESSION_MAX_LIFETIME_SECONDS * 1000;

  /** A new token pair; no token outlives the session's absolute lifetime. */
  function newPair(sessionEndsAt = Date.now() + config.SESSION_MAX_LIFETIME_SECONDS * 1000) {
    const now = Date.now();
    const accessToken = generateToken("access");
    const refreshToken = generateToken("refresh");
    const stored = {
      accessHash: hashToken(accessToken),
      accessExpiresAt: new Date(Math.min(now + config.ACCESS_TOKEN_TTL_SECONDS * 1000, sessionEndsAt)),
      refreshHash: hashToken(refreshToken),
      refreshExpiresAt: new Date(Math.min(now + config.REFRESH_TOKEN_TTL_SECONDS * 1000, sessionEndsAt)),
    };
    return { accessToken, refreshToken, stored };
  }

  async function revokeSession(token: TokenRecord, detail: string): Promise<never> {
    await revoke({
      userId: token.user.id,
      tokenHashes: await sessions.revoke({ sessionId: token.sessionId }),
      reason: "session_revoked",
    });
    throw unauthenticated(detail);
  }

  async function startSession(user: UserFields): Promise<AuthResult> {
    const { accessToken, refreshToken, stored } = newPair();
    await sessions.createSession(user.id, stored).catch((error: unknown) => {
      // The account was deleted while its password was being checked: there is no one to sign in.
      throw isForeignKeyViolation(error) ? badCredentials() : error;
    });
    return {
      user: dto.user(user),
      permissions: [...PERMISSIONS_BY_ROLE[user.role]],
      accessToken,
      refreshToken,
      expiresAt: stored.accessExpiresAt.toISOString(),
    };
  }

  function isUsable(token: TokenRecord | null, kind: "access" | "refresh"): token is TokenRecord {
    return (
      !!token &&
      token.kind === kind &&
      token.session.revokedAt === null &&
      token.expiresAt.getTime() > Date.now()
    );
  }

  return {
    async register(body: z.output<typeof RegisterBodySchema>, address: string): Promise<AuthResult> {
      await limiter.consume([
        { key: `register:ip:${address}`, max: config.REGISTER_MAX_PER_IP, windowMs },
        { key: `register:email:${body.email}`, max: config.LOGIN_MAX_FAILURES_PER_EMAIL, windowMs },
      ]);
      if (await users.findByEmail(body.email)) throw conflict("An account with this email already exists");
      const passwordHash = await hashPassword(body.password);
      const verification = newEmailToken("verify_email");
      const user = await users
        .create(
          { email: body.email, name: body.name, passwordHash },
          {
            issueToken: verification.stored,
            events: (created) => [
              accountEvents.registered(created, created.id),
              accountEvents.verificationRequested(created, verification.link),
            ],
          },
        )
        .catch((error: unknown) => {
          throw isUniqueViolation(error) ? conflict("An account with this email already exists") : error;
        });
      return startSession(user);
    },

    async login(body: z.output<typeof LoginBodySchema>, address: string): Promise<AuthResult> {
      const user = await passwordAttempts({ email: body.email, address }, async () => {
        const found = await users.findByEmail(body.email);
        // An unknown email costs the same as a wrong password, and answers the same.
        if (!found) return (await burnPasswordCheck(body.password), null);
        return (await verifyPassword(found.passwordHash, body.password)) ? found : null;
      });
      if (!user) throw badCredentials();
      // Told only once the password proved who is asking, so it says nothing of others' accounts.
      if (user.suspendedAt) throw accountSuspended();
      return startSession(user);
    },

    async refresh(body: z.output<typeof RefreshBodySchema>): Promise<AuthResult> {
      const hash = hashToken(body.refreshToken);
      const token = await sessions.findToken(hash);
      // Before the revoked check: suspension revoked the session, and the holder should hear why.
      if (token?.kind === "refresh" && token.user.suspendedAt && token.expiresAt.getTime() > Date.now())
        throw accountSuspended();
      if (token?.kind !== "refresh" || token.session.revokedAt !== null)
        throw unauthenticated("The refresh token is invalid or expired");
      const sessionEndsAt = sessionEndOf(token.session.createdAt);
      if (sessionEndsAt <= Date.now()) throw unauthenticated("The session has ended; please sign in again");
      const { accessToken, refreshToken, stored } = newPair(sessionEndsAt);
      const answer = (): AuthResult => ({
        user: dto.user(token.user),
        permissions: [...PERMISSIONS_BY_ROLE[token.user.role]],
        accessToken,
        refreshToken,
        expiresAt: stored.accessExpiresAt.toISOString(),
      });
      if (token.usedAt === null && token.expiresAt.getTime() <= Date.now())
        throw unauthenticated("The refresh token is invalid or expired");
      // The session (or its account) may go in the meantime: signed out everywhere, or deleted.
      const gone = (error: unknown) => {
        throw isForeignKeyViolation(error)
          ? unauthenticated("The refresh token is invalid or expired")
          : error;
      };
      if (
        token.usedAt === null &&
        (await sessions.rotate(hash, token.sessionId, token.user.id, stored).catch(gone))
      )
        return answer();
      // Used already: by a request of the same browser a moment ago (parallel requests, another
      // replica of the web app), or by a thief. Within the grace the session gets another pair;
      // after it, a rotated token coming back means it was stolen or replayed: end the session.
      const usedAt = token.usedAt?.getTime() ?? Date.now(); // null: rotated by a racing request just now
      if (Date.now() - usedAt <= config.REFRESH_REUSE_GRACE_SECONDS * 1000) {
        await sessions.addTokens(token.sessionId, token.user.id, stored).catch(gone);
        return answer();
      }
      return revokeSession(token, "This refresh token was already used; the session has been revoked");
    },

    async logout(caller: Caller): Promise<void> {
      // The route needs account.manage, which no personal access token holds: they are revoked
      // through DELETE /users/me/tokens/:id instead.
      const tokenHashes = caller.sessionId ? await sessions.revoke({ sessionId: caller.sessionId }) : [];
      await revoke({
        userId: caller.user.id,
        tokenHashes: [...new Set([...tokenHashes, caller.tokenHash])],
        reason: "logout",
      });
    },

    /**
     * Who an access token (a session's or a personal one) belongs to: from the cache when
     * possible, else the database. `clientAddress` is where the request came from, recorded as a
     * personal access token's last use.
     */
    async authenticate(token: string, clientAddress?: string): Promise<Caller> {
      const tokenHash = hashToken(token);
      const cached = await cache.get(tokenHash);
      if (cached) {
        if (cached.accessTokenId) recordTokenUse(cached.accessTokenId, clientAddress);
        return callerOf(cached.validation, cached.sessionId, tokenHash);
      }
      const fetchedAt = Date.now(); // before the read: a logout after this moment must win
      if (token.startsWith(ACCESS_TOKEN_PREFIX)) {
        const { validation, accessTokenId } = await validateAccessToken(tokenHash);
        recordTokenUse(accessTokenId, clientAddress);
        void cache.put(tokenHash, { validation, sessionId: null, accessTokenId }, fetchedAt);
        return callerOf(validation, null, tokenHash);
      }
      const record = await sessions.findToken(tokenHash);
      // A live token of a suspended account (suspension revoked its session) hears why it stopped working.
      if (record?.kind === "access" && record.user.suspendedAt && record.expiresAt.getTime() > Date.now())
        throw accountSuspended();
      if (!isUsable(record, "access") || sessionEndOf(record.session.createdAt) <= Date.now())
        throw invalidToken("The access token is invalid, expired or revoked");
      const { id, email, name, role, avatarId } = record.user;
      const validation: TokenValidation = {
        valid: true,
        user: { id, email, name, role, avatarUrl: dto.avatarUrl(avatarId) },
        permissions: [...PERMISSIONS_BY_ROLE[role]],
        expiresAt: record.expiresAt.toISOString(),
        tokenKind: "session",
      };
      void cache.put(tokenHash, { validation, sessionId: record.sessionId }, fetchedAt); // never delays the answer
      return callerOf(validation, record.sessionId, tokenHash);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
