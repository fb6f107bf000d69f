import {
  NotificationSchema,
  StreamConversationReadEventSchema,
  StreamMessageEventSchema,
  UnreadCountSchema,
  type Notification,
  type StreamConversationReadEvent,
  type StreamMessageEvent,
} from "../contract/notifications.ts";
import { notificationRoutes } from "../contract/notification-routes.ts";
import { readProblem, type Transport } from "./call-route.ts";
import { SharehoodAbortError, SharehoodNetworkError } from "./errors.ts";

/** One Server-Sent Event as read off the wire. */
export interface ServerSentEvent {
  event: string;
  data: string;
  id?: string;
}

/**
 * Reads a `text/event-stream` body event by event (the WHATWG parsing rules: fields per line,
 * events ended by a blank line, `:` comments skipped, multi-line `data` joined with newlines).
 */
export async function* readServerSentEvents(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<ServerSentEvent, void, undefined> {
  const decoder = new TextDecoder();
  let buffer = "";
  let event: { event: string; data: string[]; id?: string } = { event: "message", data: [] };
  const reader = body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let newline: number;
      while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith("\r\n", newline) ? 2 : 1));
        if (line === "") {
          if (event.data.length > 0) yield { event: event.event, data: event.data.join("\n"), id: event.id };
          event = { event: "message", data: [] };
          continue;
        }
        if (line.startsWith(":")) continue;
        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        const raw = colon < 0 ? "" : line.slice(colon + 1);
        const text = raw.startsWith(" ") ? raw.slice(1) : raw;
        if (field === "event") event.event = text;
        else if (field === "data") event.data.push(text);
        else if (field === "id") event.id = text;
      }
    }
  } finally {
    reader.releaseLock();
    await body.cancel().catch(() => undefined);
  }
}

/**
 * What the notification stream tells its reader: a new notification, the unread count, a new
 * message in one of the reader's threads (`message`), or a thread read by one of its participants
 * (`conversation-read`). Messages and reads are live only: a resumed stream does not replay them.
 */
export type NotificationStreamEvent =
  | { type: "notification"; notification: Notification }
  | { type: "unread"; count: number }
  | ({ type: "message" } & StreamMessageEvent)
  | ({ type: "conversation-read" } & StreamConversationReadEvent);

/** How to open the notification stream. */
export interface StreamOptions {
  signal?: AbortSignal;
  /** Overrides the client's token. */
  token?: string;
  /**
   * Resume: the `createdAt` of the last notification seen. The stream first sends what was
   * created after it (a stream ends with its token, so a long-lived reader reconnects).
   */
  since?: string;
}

/**
 * Opens the caller's live notification stream and yields each new notification and each change of
 * the unread count, parsed with the contract, until `signal` aborts or the server ends it.
 */
export async function* streamNotifications(
  transport: Transport,
  options: StreamOptions = {},
): AsyncGenerator<NotificationStreamEvent, void, undefined> {
  const route = notificationRoutes.streamNotifications;
  const token = options.token ?? (await transport.getToken());
  const headers: Record<string, string> = { accept: "text/event-stream", ...transport.headers };
  if (token) headers.authorization = `Bearer ${token}`;
  if (options.since) headers["last-event-id"] = options.since;
  let response: Response;
  try {
    response = await transport.fetch(`${transport.baseUrl.replace(/\/+$/, "")}${route.path}`, {
      headers,
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted)
      throw new SharehoodAbortError(`GET ${route.path} was aborted`, { cause: options.signal.reason });
    throw new SharehoodNetworkError(`GET ${route.path} failed: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (!response.ok || !response.body) throw await readProblem(response);
  for await (const message of readServerSentEvents(response.body)) {
    let data: unknown;
    try {
      data = JSON.parse(message.data);
    } catch {
      continue;
    }
    if (message.event === "notification") {
      const parsed = NotificationSchema.safeParse(data);
      if (parsed.success) yield { type: "notification", notification: parsed.data };
    } else if (message.event === "unread") {
      const parsed = UnreadCountSchema.safeParse(data);
      if (parsed.success) yield { type: "unread", count: parsed.data.count };
    } else if (message.event === "message") {
      const parsed = StreamMessageEventSchema.safeParse(data);
      if (parsed.success) yield { type: "message", ...parsed.data };
    } else if (message.event === "conversation-read") {
      const parsed = StreamConversationReadEventSchema.safeParse(data);
      if (parsed.success) yield { type: "conversation-read", ...parsed.data };
    }
  }
}
