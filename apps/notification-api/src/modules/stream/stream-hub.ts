import type { Request, Response } from "express";
import type { Notification, StreamConversationReadEvent, StreamMessageEvent } from "@sharehood/sdk/contract";
import { AppError, type AuthenticatedCaller, type KeyValueStore, type Logger } from "@sharehood/server-kit";

/**
 * The channel every replica hears new notifications and unread-count changes on (under the
 * namespace, `<REDIS_NAMESPACE>:notification-api:notifications`; in-process on the embedded default).
 */
export const STREAM_CHANNEL = "notification-api:notifications";

/**
 * Live only, never stored: a new message in one of the person's threads, or a thread read by one of
 * its participants. A resumed stream does not get them again; the web app refetches on reconnect.
 */
export type LiveEvent =
  | { event: "message"; data: StreamMessageEvent }
  | { event: "conversation-read"; data: StreamConversationReadEvent };

/**
 * `n`: a new notification of person `u`; `l`: a live event for `u`, `k` its key (the same when the
 * channel repeats it); with neither, only `u`'s unread count changed.
 */
interface StreamMessage {
  u: string;
  n?: Notification;
  l?: LiveEvent;
  k?: string;
}

/** A comment line every so often keeps proxies and load balancers from closing an idle stream. */
const HEARTBEAT_MS = 25_000;
/** A client this far behind (a stalled connection) is dropped; it reconnects and re-reads the count. */
const MAX_BUFFERED_BYTES = 256 * 1024;
/** Streams end with the token; a token that lives longer still gets its stream renewed this often. */
const MAX_STREAM_MS = 60 * 60_000;
/** A notification seen this recently is not sent again (the channel's replay after an outage repeats some). */
const RECENT_IDS = 1_000;
/** A stream resuming (`Last-Event-ID`) gets at most this many of the notifications it missed. */
const MAX_MISSED = 50;

interface Connection {
  userId: string;
  tokenHash: string;
  res: Response;
  timer: NodeJS.Timeout;
}

/**
 * The live streams this process holds, by person. New notifications and count changes are
 * published on the store's channel, so the replica holding a person's stream hears what another
 * replica wrote; each replica writes only to its own connections. One heartbeat timer serves all.
 */
export function createStreamHub(deps: {
  store: KeyValueStore;
  countUnread: (userId: string) => Promise<number>;
  /** The person's notifications created after `since`, oldest first. */
  createdSince: (userId: string, since: Date, limit: number) => Promise<Notification[]>;
  maxPerPerson: number;
  logger: Logger;
}) {
  const byUser = new Map<string, Set<Connection>>();
  const recent = new Set<string>();
  let heartbeat: NodeJS.Timeout | undefined;
  let closed = false;

  const send = (connection: Connection, event: string, data: unknown, id?: string) => {
    if (connection.res.writableLength > MAX_BUFFERED_BYTES) return void connection.res.end();
    connection.res.write(`${id ? `id: ${id}\n` : ""}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  // A notification's event id is its creation time: a browser reconnecting (a stream ends with its
  // token) sends it back as Last-Event-ID, and gets what was created meanwhile.
  const sendNotification = (connection: Connection, notification: Notification) =>
    send(connection, "notification", notification, notification.createdAt);

  async function sendMissed(connection: Connection, lastEventId: string | undefined) {
    const since = lastEventId ? Date.parse(lastEventId) : NaN;
    if (Number.isNaN(since) || since > Date.now()) return;
    const missed = await deps.createdSince(connection.userId, new Date(since), MAX_MISSED);
    for (const notification of missed) sendNotification(connection, notification);
  }

  const all = () => [...byUser.values()].flatMap((set) => [...set]);

  function remove(connection: Connection) {
    clearTimeout(connection.timer);
    const set = byUser.get(connection.userId);
    set?.delete(connection);
    if (set?.size === 0) byUser.delete(connection.userId);
    if (byUser.size === 0 && heartbeat) {
      clearInterval(heartbeat);
      heartbeat = undefined;
    }
  }

  async function sendCount(userId: string) {
    const connections = byUser.get(userId);
    if (!connections) return;
    const count = await deps.countUnread(userId);
    for (const connection of byUser.get(userId) ?? []) send(connection, "unread", { count });
  }

  function isRepeat(id: string): boolean {
    if (recent.has(id)) return true;
    recent.add(id);
    if (recent.size > RECENT_IDS) recent.delete(recent.values().next().value as string);
    return false;
  }

  function deliver(raw: string) {
    let message: StreamMessage;
    try {
      message = JSON.parse(raw) as StreamMessage;
    } catch {
      return;
    }
    const connections = byUser.get(message.u);
    if (!connections) return;
    if (message.l) {
      if (isRepeat(`${message.k}:${message.u}`)) return;
      // No id: Last-Event-ID stays the last notification's, which is what a resume replays from.
      for (const connection of connections) send(connection, message.l.event, message.l.data);
      return;
    }
    if (message.n) {
      if (isRepeat(message.n.id)) return;
      for (const connection of connections) sendNotification(connection, message.n);
    }
    sendCount(message.u).catch((error: unknown) =>
      deps.logger.warn({ err: (error as Error).message }, "stream: unread count failed"),
    );
  }

  return {
    /** Starts hearing the channel; answers how to stop. */
    start: () => deps.store.subscribe(STREAM_CHANNEL, deliver),

    /**
     * Serves the caller's stream on `res`: headers at once, then what it missed (after its
     * `Last-Event-ID`) and the unread count, then each new notification and count change, until
     * the client leaves, the token expires or is revoked.
     */
    open(caller: AuthenticatedCaller, req: Request, res: Response): void {
      const userId = caller.user.id;
      const mine = byUser.get(userId) ?? new Set<Connection>();
      if (closed) throw new AppError("dependency_unavailable", "This server is shutting down; reconnect");
      if (mine.size >= deps.maxPerPerson)
        throw new AppError("rate_limited", "Too many open notification streams; close one first", {
          headers: { "retry-after": "10" },
        });
      res.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-store, no-transform",
        connection: "keep-alive",
        // nginx and similar proxies would otherwise hold events back in their buffers.
        "x-accel-buffering": "no",
      });
      res.flushHeaders();
      // A first stream gets the moment it opened as its event id, so that even before any
      // notification arrives, a reconnect (Last-Event-ID) asks for what came since then.
      const lastEventId = req.get("last-event-id");
      res.write(`retry: 3000\n${lastEventId ? "" : `id: ${new Date().toISOString()}\n`}\n`);
      const lifetime = Math.min(Date.parse(caller.expiresAt) - Date.now(), MAX_STREAM_MS);
      const connection: Connection = {
        userId,
        tokenHash: caller.tokenHash,
        res,
        timer: setTimeout(() => res.end(), Math.max(lifetime, 0)).unref(),
      };
      mine.add(connection);
      byUser.set(userId, mine);
      heartbeat ??= setInterval(() => {
        for (const c of all()) if (c.res.writableLength <= MAX_BUFFERED_BYTES) c.res.write(": heartbeat\n\n");
      }, HEARTBEAT_MS).unref();
      req.once("close", () => remove(connection));
      res.once("close", () => remove(connection));
      sendMissed(connection, lastEventId)
        .then(() => sendCount(userId))
        .catch((error: unknown) => {
          deps.logger.warn({ err: (error as Error).message }, "stream: resuming or the unread count failed");
        });
    },

    /** Tells every replica's streams of the person about a new notification (after its commit). */
    announce: (userId: string, notification: Notification) =>
      deps.store.publish(
        STREAM_CHANNEL,
        JSON.stringify({ u: userId, n: notification } satisfies StreamMessage),
      ),

    /**
     * Tells every replica's streams of the person about a live event (after its commit); `key`
     * names it, so that a repeat on the channel is sent once.
     */
    announceLive: (userId: string, key: string, live: LiveEvent) =>
      deps.store.publish(
        STREAM_CHANNEL,
        JSON.stringify({ u: userId, l: live, k: key } satisfies StreamMessage),
      ),

    /** Tells every replica's streams of the person that their unread count changed. */
    announceUnreadChange: (userId: string) =>
      deps.store.publish(STREAM_CHANNEL, JSON.stringify({ u: userId } satisfies StreamMessage)),

    /** Ends the streams opened with these tokens (revoked: logout, deletion, suspension). */
    closeTokens(tokenHashes: readonly string[]): void {
      const revoked = new Set(tokenHashes);
      for (const connection of all()) if (revoked.has(connection.tokenHash)) connection.res.end();
    },

    /** How many streams this process holds (for tests and metrics). */
    size: () => all().length,

    /** Ends every stream and refuses new ones (shutting down: clients reconnect to another replica). */
    closeAll(): void {
      closed = true;
      for (const connection of all()) connection.res.end();
    },
  };
}

export type StreamHub = ReturnType<typeof createStreamHub>;
