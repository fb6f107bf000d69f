import { ApiConnectionError, ApiError, createClient, type TokenValidation } from "@sharehood/sdk";
import { Agent, fetch as undiciFetch } from "undici";
import { AppError } from "../app-error.ts";
import { CircuitBreaker } from "../circuit-breaker.ts";
import type { Logger } from "../logger.ts";

const unavailable = (detail: string) =>
  new AppError("dependency_unavailable", detail, { headers: { "retry-after": "2" } });

export interface UserApiClientOptions {
  baseUrl: string;
  timeoutMs: number;
  breakerThreshold: number;
  breakerResetMs: number;
  logger: Logger;
}

/**
 * Asks the User API who a token belongs to: through the SDK (which checks the answer's shape),
 * with a short timeout, one retry when the connection itself failed, and a circuit breaker so that
 * a dead User API costs microseconds, not a timeout per request.
 */
export function createUserApiClient(options: UserApiClientOptions) {
  // Keep-alive connections of its own: a loopback round trip costs about half of the global fetch's.
  const agent = new Agent({ keepAliveTimeout: 30_000, connections: 64 });
  const client = createClient({
    userApiUrl: options.baseUrl,
    timeoutMs: options.timeoutMs,
    fetch: ((url: string, init: RequestInit) =>
      undiciFetch(url, { ...(init as object), dispatcher: agent })) as unknown as typeof fetch,
  });
  const breaker = new CircuitBreaker({
    threshold: options.breakerThreshold,
    resetMs: options.breakerResetMs,
  });
  // A 401 is the User API working as intended; only silence, timeouts and 5xx count against it.
  const isFailure = (error: unknown) =>
    error instanceof ApiConnectionError || (error instanceof ApiError && error.status >= 500);

  async function callOnce(
    token: string,
    requestId: string,
    clientAddress?: string,
  ): Promise<TokenValidation> {
    const body = clientAddress ? { token, clientAddress } : { token };
    try {
      return await client.auth.validateToken({ body }, { requestId });
    } catch (error) {
      if (error instanceof ApiConnectionError && !error.isTimeout) {
        return client.auth.validateToken({ body }, { requestId });
      }
      throw error;
    }
  }

  return {
    /**
     * `clientAddress`: the address of the client this service is serving, which the User API
     * records as a personal access token's "last used from".
     */
    async validate(token: string, requestId: string, clientAddress?: string): Promise<TokenValidation> {
      try {
        return await breaker.run(
          () => callOnce(token, requestId, clientAddress),
          isFailure,
          () =>
            unavailable(
              "The User API is unavailable, so this request cannot be authorised. Try again shortly.",
            ),
        );
      } catch (error) {
        if (error instanceof AppError) throw error;
        // A suspended account's token: the caller is told so (403), as the User API tells it.
        if (error instanceof ApiError && error.code === "account_suspended") {
          throw new AppError("account_suspended", error.problem.detail);
        }
        if (error instanceof ApiError && (error.status === 401 || error.status === 400)) {
          throw new AppError("unauthenticated", "The access token is invalid, expired or revoked", {
            headers: { "www-authenticate": 'Bearer realm="sharehood", error="invalid_token"' },
          });
        }
        options.logger.warn({ err: (error as Error).message }, "token validation failed");
        throw unavailable(
          error instanceof ApiConnectionError && error.isTimeout
            ? "The User API did not answer in time, so this request cannot be authorised. Try again shortly."
            : "The User API is unavailable, so this request cannot be authorised. Try again shortly.",
        );
      }
    },
    get breakerState() {
      return breaker.state;
    },
    close: () => agent.close(),
  };
}

export type UserApiClient = ReturnType<typeof createUserApiClient>;
