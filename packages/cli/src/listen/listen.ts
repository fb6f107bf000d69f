import { setTimeout as sleep } from "node:timers/promises";
import {
  createWebhookSecret,
  PUBLIC_EVENT_TYPES,
  type SharehoodClient,
  type WebhookEvent,
} from "@sharehood/sdk";
import { describeError, usageError } from "../cli-error.ts";
import { describeEvent } from "../commands/events.ts";
import type { Context } from "../context.ts";
import { EXIT } from "../exit-codes.ts";
import { forwardEvent, type ForwardResult } from "./forward.ts";

export interface ListenOptions {
  forwardTo: string;
  events?: string[];
  secret?: string;
  sinceCursor?: string;
  /** Seconds between polls of an idle feed. */
  interval?: number;
}

const PAGE = 100;

/** Aborted by Ctrl-C (or SIGTERM), unless a test gave its own signal. */
function interruptSignal(): AbortSignal {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return controller.signal;
}

function checkOptions(options: ListenOptions): { secret: string; types: Set<string> | null } {
  if (!/^https?:\/\/[^/]/.test(options.forwardTo))
    throw usageError(`--forward-to must be an http(s) URL, such as http://localhost:8080/hook`);
  const unknown = (options.events ?? []).filter(
    (type) => !(PUBLIC_EVENT_TYPES as readonly string[]).includes(type),
  );
  if (unknown.length > 0)
    throw usageError(
      `unknown event type ${unknown.join(", ")}; the types are: ${PUBLIC_EVENT_TYPES.join(", ")}`,
    );
  const secret = options.secret ?? createWebhookSecret();
  if (!/^whsec_[A-Za-z0-9+/]{24,}={0,2}$/.test(secret))
    throw usageError("--secret must be whsec_ followed by base64 (at least 18 bytes)");
  return { secret, types: options.events?.length ? new Set(options.events) : null };
}

/** The cursor after the newest event: where "from now on" starts. */
async function cursorAtEnd(client: SharehoodClient, signal: AbortSignal): Promise<string | undefined> {
  let cursor: string | undefined;
  for (;;) {
    const page = await client.events.list({ query: { cursor, limit: PAGE } }, { signal });
    if (!page.nextCursor) return cursor;
    cursor = page.nextCursor;
  }
}

function line(context: Context, event: WebhookEvent, result: ForwardResult): string {
  if (context.json)
    return JSON.stringify({ id: event.id, type: event.type, timestamp: event.timestamp, ...result });
  const time = new Date().toISOString().slice(11, 19);
  const outcome = result.status === null ? `failed: ${result.error}` : `${result.status}`;
  return `${time}  ${event.type}  ${event.id}  ${describeEvent(event)}  → ${outcome} (${result.latencyMs} ms)`;
}

/**
 * `sharehood listen --forward-to <url>`: follows the events feed (a poll every `interval` seconds
 * while it is idle, at once while it has more) and forwards each event to a local URL, signed, for
 * developing a webhook receiver. Ctrl-C stops it and says where to resume.
 */
export async function listen(context: Context, options: ListenOptions): Promise<void> {
  const { secret, types } = checkOptions(options);
  const client = context.client();
  const signal = context.io.signal ?? interruptSignal();
  const intervalMs = (options.interval ?? 2) * 1000;
  let cursor: string | undefined;
  try {
    cursor = options.sinceCursor ?? (await cursorAtEnd(client, signal));
  } catch (error) {
    if (signal.aborted) return;
    throw error;
  }
  context.note(
    [
      `Forwarding ${types ? [...types].join(", ") : "every event"} to ${options.forwardTo}`,
      `Signing secret: ${secret}`,
      `Ready: following the events feed${options.sinceCursor ? " from the cursor given" : " from now"}. Ctrl-C stops.`,
    ].join("\n"),
  );
  let failing = false;
  while (!signal.aborted) {
    let page;
    try {
      page = await client.events.list({ query: { cursor, limit: PAGE } }, { signal });
      if (failing) context.note("The events feed answers again.");
      failing = false;
    } catch (error) {
      if (signal.aborted) break;
      const described = describeError(error);
      // A refused token will not get better by waiting; an unreachable API may.
      if (described.exitCode !== EXIT.unavailable) throw error;
      if (!failing) context.note(`The events feed is unreachable (${described.message}); trying again.`);
      failing = true;
      await sleep(intervalMs, undefined, { signal }).catch(() => undefined);
      continue;
    }
    for (const event of page.items) {
      // Stop at once on Ctrl-C; the cursor stays before this page, so a resume sends the rest
      // (and perhaps a few again: receivers deduplicate by webhook-id, as for real deliveries).
      if (signal.aborted) break;
      if (types && !types.has(event.type)) continue;
      const result = await forwardEvent(options.forwardTo, secret, event);
      context.io.stdout.write(`${line(context, event, result)}\n`);
    }
    if (signal.aborted) break;
    if (page.nextCursor) cursor = page.nextCursor;
    if (page.items.length < PAGE) await sleep(intervalMs, undefined, { signal }).catch(() => undefined);
  }
  context.note(cursor ? `Stopped. Resume with: --since-cursor ${cursor}` : "Stopped.");
}
