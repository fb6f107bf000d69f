import type { DomainEvent } from "@sharehood/sdk/contract";
import type { Router } from "express";
import type { Registry } from "prom-client";
import type { Logger } from "../logger.ts";
import { createPushBus } from "./push-bus.ts";
import { createRedisBus } from "./redis-bus.ts";

/** Where the push transport delivers batches on each consumer (`EVENTS_PUSH_URLS` point here). */
export const EVENTS_PUSH_PATH = "/internal/events";
/** The header that carries `EVENTS_SECRET` on a push. */
export const EVENTS_SECRET_HEADER = "x-sharehood-events-secret";

/**
 * Handles one event. Resolve when its effect is durable: only then is the event acknowledged.
 * Reject to have it delivered again later. Events arrive parsed with `DomainEventSchema`; one that
 * does not parse is logged and acknowledged without reaching the handler.
 */
export type EventHandler = (event: DomainEvent) => Promise<void>;

export interface SubscribeOptions {
  /**
   * Redis: an entry another consumer of the group has held unacknowledged this long is taken over
   * (its consumer is presumed dead). Default 30 s.
   */
  claimIdleMs?: number;
  /** Redis: how often to look for such entries. Default a third of `claimIdleMs`. */
  claimIntervalMs?: number;
  /** Redis: after this many deliveries a failing event is logged as dead and acknowledged. Default 20. */
  maxDeliveries?: number;
}

export interface Subscription {
  /** Stops reading; an event being handled finishes (and is acknowledged) first. */
  stop(): Promise<void>;
}

/** Carries events from the producers' relays to the consumers' handlers. */
export interface EventBus {
  /** `redis`: a Redis Stream with consumer groups. `push`: HTTP POSTs between processes. */
  readonly kind: "redis" | "push";
  /** Whether `publish` has anywhere to send to (false: push mode with no `pushUrls`). */
  readonly canPublish: boolean;
  /**
   * Sends events, in order. Resolves once every destination has them: Redis accepted them, or
   * every push URL answered 2xx (each consumer then handled them). Rejects otherwise; the relay
   * retries, so a consumer may see an event twice.
   */
  publish(events: readonly DomainEvent[]): Promise<void>;
  /**
   * Hands each event to `handler`, once per consumer `group` (replicas of a service share a group
   * and split the events). Redis: the group is created at the stream's oldest entry if it is new.
   */
  subscribe(group: string, handler: EventHandler, options?: SubscribeOptions): Promise<Subscription>;
  /**
   * The push transport's receiving end, `POST /internal/events`; mount it on consumers. It answers
   * 204 once the handlers resolved, 401 for a wrong secret, 503 while nothing is subscribed, and
   * lets everything else (and everything, in Redis mode or with no secret) fall through to 404.
   */
  readonly router: Router;
  /** Stops every subscription and closes connections. */
  close(): Promise<void>;
}

export interface EventBusOptions {
  logger: Logger;
  /** With it, the bus is a Redis Stream; without it, HTTP push. */
  redisUrl?: string;
  /** The stream is `<namespace>:events` (`REDIS_NAMESPACE`). Default `sharehood`. */
  namespace?: string;
  /** Push mode: the consumers' `/internal/events` URLs (`EVENTS_PUSH_URLS`). */
  pushUrls?: readonly string[];
  /** Push mode: the secret shared by producers and consumers (`EVENTS_SECRET`); required to push or receive. */
  secret?: string;
  /** Push mode: how long a consumer may take to answer a batch. Default 5 s. */
  pushTimeoutMs?: number;
  /** Redis: about how many entries the stream keeps (`MAXLEN ~`). Default 100,000. */
  maxLength?: number;
  /** Where the consumer metrics go (the service's registry); none when unset. */
  registry?: Registry;
}

/**
 * The bus for this process: a Redis Stream when `redisUrl` is set, else HTTP push to `pushUrls`.
 * Throws when push URLs are configured without a secret (a misconfiguration, caught at start).
 */
export function createEventBus(options: EventBusOptions): EventBus {
  return options.redisUrl
    ? createRedisBus({ ...options, redisUrl: options.redisUrl })
    : createPushBus(options);
}
