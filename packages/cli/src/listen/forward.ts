import { signWebhook, type WebhookEvent } from "@sharehood/sdk";

/** How one forward went: the local server's status, or why there was none. */
export interface ForwardResult {
  status: number | null;
  latencyMs: number;
  error: string | null;
}

/**
 * POSTs one event to the local receiver as the Notification API delivers it: the event as the
 * body, signed per Standard Webhooks (`webhook-id` is the event's id, so a receiver deduplicating
 * by it behaves as it will in production). One attempt, no redirects followed, 10 s at most.
 */
export async function forwardEvent(
  url: string,
  secret: string,
  event: WebhookEvent,
  fetchImpl: typeof fetch = fetch,
): Promise<ForwardResult> {
  const body = JSON.stringify(event);
  const signature = await signWebhook({ id: event.id, payload: body, secret });
  const started = performance.now();
  try {
    const response = await fetchImpl(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "sharehood-cli-listen", ...signature },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(10_000),
    });
    await response.arrayBuffer().catch(() => undefined);
    return { status: response.status, latencyMs: Math.round(performance.now() - started), error: null };
  } catch (error) {
    const cause = (error as Error & { cause?: Error }).cause;
    return {
      status: null,
      latencyMs: Math.round(performance.now() - started),
      error: cause?.message ?? (error as Error).message,
    };
  }
}
