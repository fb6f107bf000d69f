import "server-only";
import { Redis } from "ioredis";
import { CATALOGUE_CHANGED_CHANNEL } from "@sharehood/sdk/contract";
import { getEnv } from "@/env";

// One connection per process, made on the first change; it lives on globalThis because route
// handlers and server actions are bundled apart but run in one process.
const key = Symbol.for("sharehood.web.page-change-publisher");
const holder = globalThis as unknown as Record<symbol, Redis | undefined>;

function publisher(url: string, namespace: string): Redis {
  let redis = holder[key];
  if (!redis) {
    redis = new Redis(url, {
      connectionName: `${namespace}:web:page-changes`,
      // A change that cannot be announced within a second ages out instead: nobody waits longer.
      commandTimeout: 1_000,
      maxRetriesPerRequest: 1,
    });
    redis.on("error", () => undefined);
    holder[key] = redis;
  }
  return redis;
}

/**
 * Tells every web replica to drop the pages it keeps (scripts/page-cache.mjs), on the channel the
 * Inventory API announces catalogue changes on. For what the web app itself changes on a kept page
 * and no API announces: a bio or neighbourhood on a public profile. Best effort: without Redis, or
 * while it is down, the pages age out on their own (in a second without Redis, a minute at most).
 */
export async function announcePageChange(): Promise<void> {
  const env = getEnv();
  if (!env.REDIS_URL) return;
  await publisher(env.REDIS_URL, env.REDIS_NAMESPACE)
    .publish(`${env.REDIS_NAMESPACE}:${CATALOGUE_CHANGED_CHANNEL}`, String(Date.now()))
    .catch(() => undefined);
}
