import { POSITION_PRECISION_METERS } from "@sharehood/sdk";
import { alternate, load, sequential, type Figures } from "../measure.ts";
import { fmt, type ScenarioResult } from "../result.ts";
import { growCatalogue } from "../seed.ts";
import type { BenchStack } from "../stack.ts";

// Finding things at 100k items: near-me search, suggestions while typing, the typo fallback, and
// the public availability of an item. Each timed scenario takes well under a minute.

const CATALOGUE = 100_000;
const REQUESTS = 300;
/** The town the catalogue is spread around (Lyon), and how far out it reaches. */
export const TOWN = { lat: 45.764, lng: 4.8357 };
const TOWN_RADIUS_KM = 15;

/**
 * Grows the catalogue to 100k items and gives every item without a position one around the town:
 * uniform over a disc of 15 km (so a 5 km search holds about a ninth of the catalogue), snapped to
 * a 250 m grid like the one the API stores positions on. Then VACUUM ANALYZE (owners too, which
 * growCatalogue adds without analysing: unknown, PostgreSQL guesses hundreds are suspended and
 * plans every public read around them) and a CHECKPOINT, as growCatalogue does.
 */
export async function catalogueAroundTown(stack: Pick<BenchStack, "sql">): Promise<void> {
  await growCatalogue(stack as BenchStack, CATALOGUE);
  const latStep = POSITION_PRECISION_METERS / 111_320;
  const [row] = await stack.sql<{ count: string }>(
    `WITH placed AS (
       UPDATE items SET
         lat = round(($1 + d.km * cos(d.a) / 111.32) / $3) * $3,
         lng = round(($2 + d.km * sin(d.a) / (111.32 * cos(radians($1)))) / ($3 / cos(radians($1)))) * ($3 / cos(radians($1)))
       FROM (SELECT id, $4 * sqrt(random()) AS km, 2 * pi() * random() AS a FROM items WHERE lat IS NULL) d
       WHERE items.id = d.id RETURNING 1)
     SELECT count(*) FROM placed`,
    [TOWN.lat, TOWN.lng, latStep, TOWN_RADIUS_KM],
  );
  if (Number(row?.count ?? 0) === 0) return;
  await stack.sql("VACUUM (ANALYZE) items, owners");
  await stack.sql("CHECKPOINT");
}

/** A point a little off the town's centre, different for each request (a person's location). */
function somewhereInTown(i: number): string {
  const km = ((i * 7919) % 1000) / 100; // 0 to 10 km out
  const a = ((i * 104729) % 360) * (Math.PI / 180);
  const lat = TOWN.lat + (km * Math.cos(a)) / 111.32;
  const lng = TOWN.lng + (km * Math.sin(a)) / (111.32 * Math.cos((TOWN.lat * Math.PI) / 180));
  return `${lat.toFixed(5)},${lng.toFixed(5)}`;
}

async function timed(url: (i: number) => string): Promise<Figures> {
  let i = 0;
  await sequential(() => url(i++), 50); // warm-up: connection, plans, buffers
  return sequential(() => url(i++), REQUESTS);
}

const noErrors = (rows: { figures: Figures }[]) => ({
  target: "no errors",
  value: `${rows.reduce((s, r) => s + r.figures.errors, 0)}`,
  met: rows.every((r) => r.figures.errors === 0),
});

const RADII = [2, 5, 10];
const NEAR_QUERIES = ["", "drill", "camping tent"];

/** Uncached GET /items?near=&radiusKm=&sort=distance at 100k items, one connection, p95. */
export async function nearSearch(stack: BenchStack): Promise<ScenarioResult> {
  await catalogueAroundTown(stack);
  const base = stack.inventory.noPublicCache.url;
  const rows = [
    {
      label: `nearest first, radius ${RADII.join("/")} km`,
      figures: await timed(
        (i) =>
          `${base}/items?near=${somewhereInTown(i)}&radiusKm=${RADII[i % RADII.length]}&sort=distance&limit=20`,
      ),
    },
    {
      label: `nearest first with q (${NEAR_QUERIES.filter(Boolean).join(", ")}), 10 km`,
      figures: await timed(
        (i) =>
          `${base}/items?near=${somewhereInTown(i)}&q=${encodeURIComponent(NEAR_QUERIES[(i % 2) + 1]!)}&sort=distance&limit=20`,
      ),
    },
    {
      label: "newest first within 5 km",
      figures: await timed((i) => `${base}/items?near=${somewhereInTown(i)}&radiusKm=5&limit=20`),
    },
  ];
  const worst = Math.max(...rows.map((r) => r.figures.p95!));
  return {
    title: `Uncached near-me search GET /items?near= at ${CATALOGUE.toLocaleString("en")} items around one town, 1 connection, ${REQUESTS} requests each`,
    rows,
    verdicts: [
      { target: "p95 < 25 ms", value: `${fmt(worst)} ms (worst row)`, met: worst < 25 },
      noErrors(rows),
    ],
    raw: Object.fromEntries(rows.map((r) => [r.label, [r.figures]])),
  };
}

const PREFIXES = ["d", "dr", "dri", "cor", "camp", "tel", "pressure w", "garden f", "sle", "wa"];

/** Uncached GET /items/suggest?q= (the database's work, without the public cache) at 100k items, p95. */
export async function suggestions(stack: BenchStack): Promise<ScenarioResult> {
  await catalogueAroundTown(stack);
  const base = stack.inventory.noPublicCache.url;
  const figures = await timed(
    (i) => `${base}/items/suggest?q=${encodeURIComponent(PREFIXES[i % PREFIXES.length]!)}`,
  );
  const rows = [{ label: `uncached, prefixes ${PREFIXES.map((p) => `"${p}"`).join(", ")}`, figures }];
  return {
    title: `Suggestions GET /items/suggest at ${CATALOGUE.toLocaleString("en")} items, public cache off, 1 connection, ${REQUESTS} requests`,
    rows,
    verdicts: [
      { target: "p95 < 15 ms", value: `${fmt(figures.p95)} ms`, met: figures.p95! < 15 },
      noErrors(rows),
    ],
    raw: { uncached: [figures] },
  };
}

const TYPOS = ["dril", "tennt", "ladderr", "projecter", "wheelbarow", "kayack", "cordles dril", "telescop"];

/** Uncached searches that find nothing as typed and are run again corrected, at 100k items, p95. */
export async function typoFallback(stack: BenchStack): Promise<ScenarioResult> {
  await catalogueAroundTown(stack);
  const base = stack.inventory.noPublicCache.url;
  const check = (await (await fetch(`${base}/items?q=dril`)).json()) as { correctedQuery?: string };
  const figures = await timed(
    (i) => `${base}/items?q=${encodeURIComponent(TYPOS[i % TYPOS.length]!)}&limit=20`,
  );
  const rows = [{ label: `uncached, ${TYPOS.map((t) => `"${t}"`).join(", ")}`, figures }];
  return {
    title: `Typo fallback GET /items?q=<typo> at ${CATALOGUE.toLocaleString("en")} items, public cache off, 1 connection, ${REQUESTS} requests`,
    rows,
    verdicts: [
      { target: "p95 < 40 ms", value: `${fmt(figures.p95)} ms`, met: figures.p95! < 40 },
      {
        target: '"dril" answers correctedQuery "drill"',
        value: `${check.correctedQuery}`,
        met: check.correctedQuery === "drill",
      },
      noErrors(rows),
    ],
    raw: { uncached: [figures] },
  };
}

const ROUNDS = 3;
const SECONDS = 3;
const CONNECTIONS = 10;

/**
 * GET /items/:id/availability from the public cache against GET /items/:id from it (the cached read
 * every item page makes already), alternated, plus the same availability read uncached.
 */
export async function cachedAvailability(stack: BenchStack): Promise<ScenarioResult> {
  await growCatalogue(stack, 1_000);
  const [row] = await stack.sql<{ id: string }>("SELECT id FROM items ORDER BY created_at DESC LIMIT 1");
  const id = row!.id;
  const main = stack.inventory.main.url;
  await fetch(`${main}/items/${id}`); // warms both entries
  await fetch(`${main}/items/${id}/availability`);
  const run = await alternate(
    ROUNDS,
    () => load({ url: `${main}/items/${id}`, connections: CONNECTIONS, durationSeconds: SECONDS }),
    () =>
      load({ url: `${main}/items/${id}/availability`, connections: CONNECTIONS, durationSeconds: SECONDS }),
  );
  const uncached = await load({
    url: `${stack.inventory.noPublicCache.url}/items/${id}/availability`,
    connections: CONNECTIONS,
    durationSeconds: SECONDS,
  });
  const ratio = run.subject.rps / run.baseline.rps;
  const rows = [
    { label: "cached GET /items/:id", figures: run.baseline },
    { label: "cached GET /items/:id/availability", figures: run.subject },
    { label: "uncached GET /items/:id/availability", figures: uncached },
  ];
  return {
    title: `Public availability of an item, ${CONNECTIONS} connections`,
    rows,
    verdicts: [
      { target: "cached throughput ≥ 0.8× the cached item page", value: `${fmt(ratio)}×`, met: ratio >= 0.8 },
      {
        target: "0 errors",
        value: `${run.subject.errors + run.subject.non2xx}`,
        met: run.subject.errors + run.subject.non2xx === 0,
      },
    ],
    raw: { ...run.raw, uncached: [uncached] },
  };
}
