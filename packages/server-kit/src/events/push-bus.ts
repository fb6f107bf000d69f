import { createHash, timingSafeEqual } from "node:crypto";
import type { DomainEvent } from "@sharehood/sdk/contract";
import express, { Router, type NextFunction, type Request, type Response } from "express";
import { z } from "zod";
import { AppError, unauthenticated } from "../app-error.ts";
import { sendProblem } from "../http/error-handler.ts";
import {
  EVENTS_PUSH_PATH,
  EVENTS_SECRET_HEADER,
  type EventBus,
  type EventBusOptions,
  type EventHandler,
  type Subscription,
} from "./bus.ts";
import { deliver } from "./deliver.ts";
import { consumerMetrics } from "./metrics.ts";
import { untraced } from "../telemetry/context.ts";

/**
 * Batches are cut to stay well under the consumers' JSON body limit (BODY_LIMIT_BYTES, 100 kB by
 * default); an event larger than this still travels, alone.
 */
const MAX_BATCH_BYTES = 64_000;
const MAX_EVENTS_PER_PUSH = 500;

const PushBodySchema = z.object({ events: z.array(z.unknown()).max(MAX_EVENTS_PER_PUSH) });

/** Compares secrets in constant time whatever their lengths (hashing first evens them out). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Cuts `events` (as JSON texts) into bodies of at most MAX_BATCH_BYTES each. */
function bodiesOf(events: readonly DomainEvent[]): string[] {
  const bodies: string[] = [];
  let batch: string[] = [];
  let bytes = 0;
  for (const event of events) {
    const text = JSON.stringify(event);
    const size = Buffer.byteLength(text);
    if (batch.length > 0 && (bytes + size > MAX_BATCH_BYTES || batch.length >= MAX_EVENTS_PER_PUSH)) {
      bodies.push(`{"events":[${batch.join(",")}]}`);
      batch = [];
      bytes = 0;
    }
    batch.push(text);
    bytes += size + 1;
  }
  if (batch.length > 0) bodies.push(`{"events":[${batch.join(",")}]}`);
  return bodies;
}

/**
 * The embedded default's bus (no Redis): the relay POSTs each batch to every consumer and counts it
 * delivered only when all of them handled it; a consumer that is down makes the relay retry, so
 * events wait in the producer's outbox, as they would in a stream.
 */
export function createPushBus(options: EventBusOptions): EventBus {
  const { logger, secret } = options;
  const urls = options.pushUrls ?? [];
  if (urls.length > 0 && !secret) throw new Error("EVENTS_PUSH_URLS needs EVENTS_SECRET");
  const timeoutMs = options.pushTimeoutMs ?? 5_000;
  const handled = consumerMetrics(options.registry);
  // One handler per group, as a consumer group in a stream hands each event to one member.
  const groups = new Map<string, EventHandler>();
  const inFlight = new Set<Promise<unknown>>();

  async function push(url: string, bodies: string[]): Promise<void> {
    for (const body of bodies) {
      // The events carry their trace context; the push itself is plumbing (no span, no traceparent).
      const response = await untraced(() =>
        fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", [EVENTS_SECRET_HEADER]: secret ?? "" },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        }),
      );
      await response.body?.cancel();
      if (!response.ok) throw new Error(`${url} answered ${response.status} to an events push`);
    }
  }

  async function receive(req: Request, res: Response, next: NextFunction): Promise<void> {
    if (!secret) return next(); // not a consumer: the app's 404
    const given = req.get(EVENTS_SECRET_HEADER);
    if (given === undefined || !sameSecret(given, secret))
      return sendProblem(req, res, unauthenticated("The events secret is missing or wrong"));
    const body = PushBodySchema.safeParse(req.body);
    if (!body.success)
      return sendProblem(req, res, new AppError("validation_failed", "Send { events: [...] }"));
    if (groups.size === 0) {
      // Started but not yet subscribed: refuse, so the producer keeps the events and retries.
      res.setHeader("retry-after", "1");
      return sendProblem(req, res, new AppError("dependency_unavailable", "No event handler yet"));
    }
    const work = (async () => {
      // In order, one event at a time, each to every group.
      for (const raw of body.data.events)
        await Promise.all(
          [...groups].map(([group, handler]) =>
            deliver(raw, handler, { group, logger, handled, transport: "push" }),
          ),
        );
    })();
    inFlight.add(work);
    try {
      await work;
    } finally {
      inFlight.delete(work);
    }
    res.status(204).end();
  }

  const router = Router();
  // The app usually parsed the body already (then this does nothing); a bare app needs it.
  router.post(EVENTS_PUSH_PATH, express.json({ limit: MAX_BATCH_BYTES * 2 }), receive);

  return {
    kind: "push",
    canPublish: urls.length > 0,
    router,
    async publish(events) {
      if (events.length === 0 || urls.length === 0) return;
      const bodies = bodiesOf(events);
      await Promise.all(urls.map((url) => push(url, bodies)));
    },
    subscribe(group, handler): Promise<Subscription> {
      if (groups.has(group)) throw new Error(`already subscribed as ${group} in this process`);
      groups.set(group, handler);
      return Promise.resolve({
        async stop() {
          if (groups.get(group) === handler) groups.delete(group);
          await Promise.allSettled([...inFlight]);
        },
      });
    },
    async close() {
      groups.clear();
      await Promise.allSettled([...inFlight]);
    },
  };
}
