import "server-only";
import { ApiError, VerifyEmailBodySchema } from "@sharehood/sdk";
import { apiClient } from "@/server/api-client";
import { clientAddressForwarding } from "@/server/client-address";

/** What came of following a verification link. */
export type VerifyOutcome = "verified" | "spent" | "too_many" | "unavailable";

/**
 * Confirms an address with the token of an emailed link. A token the User API refuses (400),
 * or one that is not even shaped like one, is "spent": used, expired or never issued, which a
 * person cannot tell apart and need not.
 */
export async function verifyEmailToken(token: unknown): Promise<VerifyOutcome> {
  const body = VerifyEmailBodySchema.safeParse({ token });
  if (!body.success) return "spent";
  try {
    await apiClient(undefined, await clientAddressForwarding()).auth.verifyEmail({ body: body.data });
    return "verified";
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) return "spent";
    if (error instanceof ApiError && error.status === 429) return "too_many";
    return "unavailable";
  }
}
