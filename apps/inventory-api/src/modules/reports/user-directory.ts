import { ApiError, createClient, type SuspendUserBody } from "@sharehood/sdk";
import { AppError, type Logger } from "@sharehood/server-kit";

const unavailable = (detail: string) =>
  new AppError("dependency_unavailable", detail, { headers: { "retry-after": "5" } });

/**
 * What reports ask the User API, through the SDK (which checks its answers against the contract):
 * whether a person exists, and suspending one. Suspending goes with the admin's own token, so the
 * User API checks their right to do it and records who did; this service holds no power of its own.
 */
export function createUserDirectory(options: { baseUrl: string; timeoutMs: number; logger: Logger }) {
  // No retries: this runs inside a request, which answers 503 at once rather than after back-off.
  const client = createClient({ userApiUrl: options.baseUrl, timeoutMs: options.timeoutMs, retries: 0 });

  return {
    /** Whether the User API knows this person (503 when it cannot be asked). */
    async exists(id: string): Promise<boolean> {
      try {
        await client.users.get({ params: { id } });
        return true;
      } catch (error) {
        if (error instanceof ApiError && (error.status === 404 || error.status === 400)) return false;
        options.logger.warn({ err: (error as Error).message }, "user lookup failed");
        throw unavailable("The User API cannot be reached to check this person. Try again shortly.");
      }
    },

    /**
     * Suspends a person as the admin whose token this is (suspending someone already suspended is
     * fine: the User API answers it as done). Its refusals become clear errors here; when it cannot
     * be reached, nothing happened (503).
     */
    async suspend(adminToken: string, userId: string, body: SuspendUserBody): Promise<void> {
      try {
        await client.users.suspend({ params: { id: userId }, body }, { token: adminToken });
      } catch (error) {
        if (!(error instanceof ApiError) || error.status >= 500) {
          options.logger.warn({ err: (error as Error).message, userId }, "suspension request failed");
          throw unavailable(
            "The User API cannot be reached, so the person was not suspended and the report is still open. Try again shortly.",
          );
        }
        if (error.status === 409)
          throw new AppError("conflict", `The User API refused the suspension: ${error.message}`);
        if (error.status === 401)
          throw new AppError("unauthenticated", "Your session is no longer valid. Sign in again to suspend.");
        if (error.status === 403)
          throw new AppError("forbidden", `The User API refused the suspension: ${error.message}`);
        if (error.status === 404)
          throw new AppError(
            "unprocessable",
            "The person behind this report no longer has an account. Dismiss the report instead.",
          );
        throw new AppError("unprocessable", `The User API refused the suspension: ${error.message}`);
      }
    },
  };
}

export type UserDirectory = ReturnType<typeof createUserDirectory>;
