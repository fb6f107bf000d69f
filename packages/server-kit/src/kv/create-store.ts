import type { Logger } from "../logger.ts";
import { MemoryStore } from "./memory-store.ts";
import { RedisStore } from "./redis-store.ts";
import type { KeyValueStore } from "./store.ts";

/**
 * The one store factory. Keys are prefixed per service (`<namespace>:<service>:`); channels are
 * shared by the namespace, because revocation events cross services.
 */
export async function createStore(options: {
  redisUrl: string | undefined;
  service: string;
  namespace?: string;
  logger: Logger;
}): Promise<KeyValueStore> {
  const namespace = options.namespace ?? "sharehood";
  const keyPrefix = `${namespace}:${options.service}:`;
  const channelPrefix = `${namespace}:`;
  if (!options.redisUrl) {
    options.logger.info("no REDIS_URL: using the in-process cache");
    return new MemoryStore({ keyPrefix, channelPrefix });
  }
  const store = new RedisStore({ url: options.redisUrl, keyPrefix, channelPrefix, logger: options.logger });
  await store.connect();
  return store;
}
