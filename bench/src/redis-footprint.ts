// `npx tsx bench/src/redis-footprint.ts` (after `npm run bench` or the services' `build`): what one
// signed-in person, one cached page and one stream entry take in Redis, for deploy/SCALING.md. Starts
// the three APIs' production bundles on fresh databases and a fresh Redis namespace, signs people up
// and in, has them make authenticated requests, warms the public cache, then reads MEMORY USAGE of
// every key of the namespace, grouped by kind (ids replaced by `*`). Stops everything and drops the
// databases at the end. Not a benchmark: sizes, not speeds, so the machine's load does not matter.
import { inventoryApiService } from "@sharehood/inventory-api/service";
import { notificationApiService } from "@sharehood/notification-api/service";
import { listItem, signIn, signUp, startProcessStack, type Neighbour } from "@sharehood/test-stack";
import { userApiService } from "@sharehood/user-api/service";
import { Redis } from "ioredis";

const PEOPLE = 20;

const stack = await startProcessStack(
  "footprint",
  { users: userApiService, inventory: inventoryApiService, notifications: notificationApiService },
  { env: { common: { LOG_LEVEL: "warn" }, users: { REGISTER_MAX_PER_IP: "100000" } } },
);
const redis = new Redis(stack.redisUrl);
try {
  const stamp = Date.now().toString(36);
  const people: Neighbour[] = [];
  for (let i = 0; i < PEOPLE; i += 1)
    people.push(
      await signUp(stack.client, { email: `footprint-${i}-${stamp}@example.com`, name: `Footprint ${i}` }),
    );
  const items = [];
  for (const person of people) items.push(await listItem(person.client));
  // A second session each (a sign-in), and one wrong password each: the sign-in rate-limit windows.
  for (const person of people) {
    await signIn(stack.client, { email: person.email, password: person.password });
    await fetch(`${stack.users.url}/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: person.email, password: "not-the-password" }),
    });
  }
  // Authenticated reads on each API: each validates the token once and caches it.
  const get = async (url: string, token?: string) => {
    const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    await res.arrayBuffer();
    return res.status;
  };
  for (const person of people) {
    await get(`${stack.inventory.url}/favourites`, person.token);
    await get(`${stack.notifications!.url}/notifications`, person.token);
    await get(`${stack.users.url}/users/me`, person.token);
  }
  // The public cache: a list page of 20, each category's first page, a search, every item page.
  await get(`${stack.inventory.url}/items?limit=20`);
  for (const category of ["tools", "garden", "kitchen", "outdoors", "electronics"])
    await get(`${stack.inventory.url}/items?limit=20&category=${category}`);
  await get(`${stack.inventory.url}/items?limit=20&q=drill`);
  for (const item of items) await get(`${stack.inventory.url}/items/${item.id}`);
  // Let the relay publish and the consumers read the events of all that.
  await new Promise((resolve) => setTimeout(resolve, 3_000));

  const prefix = `${stack.namespace}:`;
  const kinds = new Map<string, { type: string; count: number; bytes: number; entries: number }>();
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
    cursor = next;
    for (const key of keys) {
      const [bytes, type] = await Promise.all([
        redis.call("MEMORY", "USAGE", key, "SAMPLES", "0") as Promise<number | null>,
        redis.type(key),
      ]);
      const entries =
        type === "stream"
          ? await redis.xlen(key)
          : type === "zset"
            ? await redis.zcard(key)
            : type === "hash"
              ? await redis.hlen(key)
              : type === "set"
                ? await redis.scard(key)
                : type === "list"
                  ? await redis.llen(key)
                  : 1;
      const kind = key
        .slice(prefix.length)
        .replace(/:items:\[.*\]$/, ":items:<query>")
        .replace(/[^:]+@example\.com/, "<email>")
        .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, "<uuid>")
        .replace(/[A-Za-z0-9_-]{32,}/g, "<hash>")
        .replace(/\d{6,}/g, "<n>")
        .replace(/(\d{1,3}\.){3}\d{1,3}|::ffff:[\d.]+|::1/g, "<ip>");
      const k = kinds.get(kind) ?? { type, count: 0, bytes: 0, entries: 0 };
      k.count += 1;
      k.bytes += bytes ?? 0;
      k.entries += entries;
      kinds.set(kind, k);
    }
  } while (cursor !== "0");
  console.log(`${PEOPLE} people signed up and in, ${items.length} items; namespace ${stack.namespace}`);
  console.log("| key (ids as *) | type | keys | bytes in all | bytes per key | entries | bytes per entry |");
  console.log("|---|---|---|---|---|---|---|");
  for (const [kind, k] of [...kinds].sort((a, b) => b[1].bytes - a[1].bytes))
    console.log(
      `| \`${kind}\` | ${k.type} | ${k.count} | ${k.bytes} | ${Math.round(k.bytes / k.count)} | ${k.entries} | ${Math.round(k.bytes / Math.max(k.entries, 1))} |`,
    );
  // The event stream is capped at about 100,000 entries: its size at 10,000 copies of this run's
  // entries, in a scratch key, says what the cap costs better than 40 entries do.
  const entries = await redis.xrange(`${prefix}events`, "-", "+");
  const scratch = `${prefix}scratch-stream`;
  for (let round = 0; entries.length > 0 && round * entries.length < 10_000; round += 1) {
    const pipeline = redis.pipeline();
    for (const [, fields] of entries) pipeline.xadd(scratch, "*", ...fields);
    await pipeline.exec();
  }
  const [scratchBytes, scratchLength] = await Promise.all([
    redis.call("MEMORY", "USAGE", scratch, "SAMPLES", "0") as Promise<number | null>,
    redis.xlen(scratch),
  ]);
  console.log(
    `event stream at ${scratchLength} entries: ${scratchBytes} bytes, ${Math.round((scratchBytes ?? 0) / Math.max(scratchLength, 1))} per entry`,
  );
  const info = await redis.info("memory");
  console.log(info.split("\n").find((line) => line.startsWith("used_memory_human")));
} finally {
  // The namespace's keys go too: nothing of this run is left in the shared Redis.
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${stack.namespace}:*`, "COUNT", 500);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== "0");
  await redis.quit();
  await stack.close("SIGTERM");
}
