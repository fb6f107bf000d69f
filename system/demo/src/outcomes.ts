import { ApiConnectionError, ApiError } from "@sharehood/sdk";

/** A readable one-line account of anything a step threw. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const fields = error.fieldErrors.map((field) => `${field.path}: ${field.message}`);
    const detail =
      fields.length > 0 ? `${error.problem.detail} (${fields.join("; ")})` : error.problem.detail;
    return `${error.status} ${error.code}: ${detail}`;
  }
  if (error instanceof ApiConnectionError) {
    return `could not reach the API (are the services running? \`npm start\`): ${error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Fails the step with `message` unless `condition` holds. */
export function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/**
 * Expects the API to refuse an attempt with `status` and answers the refusal. An attempt that
 * succeeds fails the step: a refusal that did not happen is exactly what the demo must catch.
 */
export async function expectRefusal(status: number, attempt: () => Promise<unknown>): Promise<ApiError> {
  try {
    await attempt();
  } catch (error) {
    if (error instanceof ApiError && error.status === status) return error;
    throw new Error(`expected a ${status} refusal, got ${describeError(error)}`);
  }
  throw new Error(`expected a ${status} refusal, but the API allowed it`);
}

/** How a printed refusal reads: the status, the code and the API's own message. */
export function describeRefusal(error: ApiError): string {
  return `refused with ${error.status} ${error.code}: "${error.problem.detail}"`;
}

/** A `YYYY-MM-DD` date `days` after today in UTC, which loan requests take. */
export function dateInDays(days: number, now: Date = new Date()): string {
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days));
  return date.toISOString().slice(0, 10);
}
