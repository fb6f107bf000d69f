import { Redis } from "ioredis";
import type { BenchStack } from "./stack.ts";

const ADJECTIVES = [
  "cordless",
  "electric",
  "folding",
  "vintage",
  "compact",
  "heavy",
  "portable",
  "wooden",
  "inflatable",
  "waterproof",
  "digital",
  "manual",
  "large",
  "small",
  "family",
  "garden",
  "kids",
  "camping",
  "kitchen",
  "party",
];
const NOUNS = [
  "drill",
  "ladder",
  "tent",
  "projector",
  "mixer",
  "bicycle",
  "kayak",
  "saw",
  "stroller",
  "speaker",
  "table",
  "chair",
  "grill",
  "cooler",
  "hammock",
  "telescope",
  "sewing machine",
  "lawnmower",
  "wheelbarrow",
  "guitar",
  "camera",
  "jigsaw",
  "pressure washer",
  "air mattress",
  "board game",
  "sander",
  "router",
  "planer",
  "chisel set",
  "clamp set",
  "socket set",
  "torque wrench",
  "angle grinder",
  "nail gun",
  "staple gun",
  "heat gun",
  "glue gun",
  "soldering iron",
  "multimeter",
  "stud finder",
  "tile cutter",
  "wallpaper steamer",
  "paint sprayer",
  "scaffold tower",
  "workbench",
  "hedge trimmer",
  "leaf blower",
  "chainsaw",
  "log splitter",
  "rotavator",
  "strimmer",
  "sprinkler",
  "hose reel",
  "compost bin",
  "greenhouse",
  "pruning saw",
  "loppers",
  "garden fork",
  "spade",
  "rake",
  "food processor",
  "bread maker",
  "slow cooker",
  "pasta machine",
  "ice cream maker",
  "waffle iron",
  "fondue set",
  "juicer",
  "dehydrator",
  "pizza oven",
  "smoker",
  "deep fryer",
  "rice cooker",
  "espresso machine",
  "preserving pan",
  "sleeping bag",
  "camping stove",
  "lantern",
  "backpack",
  "trekking poles",
  "canoe",
  "paddle board",
  "wetsuit",
  "snowshoes",
  "skis",
  "snowboard",
  "ice skates",
  "tennis racket",
  "badminton set",
  "climbing harness",
  "drone",
  "gimbal",
  "tripod",
  "microphone",
  "mixing desk",
  "turntable",
  "keyboard",
  "amplifier",
  "headphones",
  "console",
  "monitor",
  "printer",
  "scanner",
  "label maker",
  "walkie talkies",
  "car seat",
  "travel cot",
  "high chair",
  "baby carrier",
  "balance bike",
  "scooter",
  "trampoline",
  "paddling pool",
  "train set",
  "doll house",
  "gazebo",
  "marquee",
  "fairy lights",
  "karaoke machine",
  "punch bowl",
  "chafing dish",
  "trestle table",
  "folding chairs",
  "disco ball",
  "bunting",
];
const CATEGORIES = [
  "tools",
  "garden",
  "kitchen",
  "camping",
  "sports",
  "electronics",
  "kids",
  "party",
  "books",
  "other",
];

/**
 * Grows the catalogue to `total` items with one INSERT … SELECT: realistic titles and descriptions
 * from a vocabulary, spread over categories, owners and creation times. Then VACUUM ANALYZE and a
 * CHECKPOINT, so the tables have statistics and a visibility map and no bulk write is still being
 * flushed, as in a database in service.
 */
export async function growCatalogue(stack: BenchStack, total: number): Promise<void> {
  const [row] = await stack.sql<{ count: string }>("SELECT count(*) FROM items");
  const have = Number(row?.count ?? 0);
  if (have >= total) return;
  await stack.sql(
    `INSERT INTO owners (id, name, updated_at) SELECT 'bench-owner-' || g, 'Neighbour ' || g, now() FROM generate_series(0, 49) g ON CONFLICT DO NOTHING`,
  );
  await stack.sql(
    `INSERT INTO items (id, owner_id, title, description, category_id, condition, version, created_at, updated_at)
     SELECT gen_random_uuid()::text, 'bench-owner-' || (g % 50),
            initcap(($1::text[])[g % array_length($1::text[], 1) + 1] || ' ' || ($2::text[])[(g / 7) % array_length($2::text[], 1) + 1]),
            'A ' || ($1::text[])[(g / 3) % array_length($1::text[], 1) + 1] || ' ' || ($2::text[])[(g / 11) % array_length($2::text[], 1) + 1]
              || ' in good shape. Pick it up near ' || ($2::text[])[(g / 13) % array_length($2::text[], 1) + 1] || ' street; ask me anything.',
            ($3::text[])[g % array_length($3::text[], 1) + 1], 'good', 1,
            now() - (g || ' seconds')::interval, now()
     FROM generate_series($4::int, $5::int) g`,
    [ADJECTIVES, NOUNS, CATEGORIES, have, total - 1],
  );
  // Vacuumed as well as analysed and then checkpointed, as a database in service would be:
  // otherwise autovacuum and a checkpoint work through the bulk insert (the items and their search
  // terms, some 500 MB of WAL at 100k items) while the next scenarios measure, and index-only
  // scans visit the heap for want of a visibility map.
  await stack.sql("VACUUM (ANALYZE) items, item_search_terms");
  await stack.sql("CHECKPOINT");
  await forgetPublicCache(stack);
}

/**
 * Empties the Inventory API's public cache in Redis. Rows inserted here bypass the API, so nothing
 * told the cache: a page cached before (an empty one, when a scenario ran first on an empty
 * catalogue) would be served until it expired.
 */
async function forgetPublicCache(stack: BenchStack): Promise<void> {
  const redis = new Redis(stack.redisUrl);
  try {
    const keys: string[] = [];
    for await (const batch of redis.scanStream({ match: `${stack.namespace}:*pc:*`, count: 1000 }))
      keys.push(...(batch as string[]));
    if (keys.length > 0) await redis.unlink(...keys);
  } finally {
    await redis.quit();
  }
}
