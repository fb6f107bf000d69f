import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Item } from "@sharehood/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newItem } from "./fixtures.ts";
import { cameraPhoto, filesUnder, solidPng, uploadRaw, type Part } from "./photo-fixtures.ts";
import { startStack, type TestStack } from "./stack.ts";

type Person = Awaited<ReturnType<TestStack["signUp"]>>;

let limited: TestStack; // default decoding limits, 6 files per user per hour
let busy: TestStack; // one decode at a time and one waiting
// Each stack's DATA_DIR by stack name: the stacks start concurrently, so no order can be assumed.
const dataDirs = new Map<string, string>();
let camera: Buffer; // 6000×4000 JPEG, ~4 MB
let bomb: Buffer; // 10000×10000 PNG: 400 MB once decoded
let justOver: Buffer; // 5001×5000 PNG: just over 25 megapixels
let underOldLimit: Buffer; // 7000×7000 PNG: 49 megapixels, which the 50-megapixel limit let through
let bigPng: Buffer; // 6000×4000 PNG of one colour: allowed, a few hundred KB

async function stackWith(name: string, env: Record<string, string>) {
  const dataDir = await mkdtemp(join(tmpdir(), `${name}-`));
  dataDirs.set(name, dataDir);
  return startStack(name, { inventory: { DATA_DIR: dataDir, ...env } });
}

beforeAll(async () => {
  [limited, busy, camera, bomb, justOver, underOldLimit, bigPng] = await Promise.all([
    stackWith("photolimits", { PHOTO_UPLOADS_PER_HOUR: "6" }),
    stackWith("photobusy", { PHOTO_MAX_CONCURRENT_DECODES: "1", PHOTO_MAX_QUEUED_DECODES: "1" }),
    cameraPhoto(),
    solidPng(10_000, 10_000),
    solidPng(5_001, 5_000),
    solidPng(7_000, 7_000),
    solidPng(6_000, 4_000),
  ]);
}, 60_000);
afterAll(async () => {
  await Promise.all([limited.close(), busy.close()]);
  await Promise.all([...dataDirs.values()].map((dir) => rm(dir, { recursive: true, force: true })));
});

const files = (...buffers: Buffer[]): Part[] => buffers.map((bytes, i) => ({ bytes, name: `p${i}` }));
const upload = (stack: TestStack, who: Person, itemId: string, parts: Part[]) =>
  uploadRaw(stack.inventory.url, itemId, parts, { token: who.token });
const listing = async (who: Person) => (await who.client.items.create({ body: newItem() })).id;
const photoRows = (stack: TestStack) => stack.inventory.api.db.photo.count();

/** Runs `work` while sampling this process's resident memory; answers its result and the peak growth. */
async function withPeakMemory<T>(work: () => Promise<T>): Promise<{ result: T; growthMb: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  try {
    const result = await work();
    return { result, growthMb: (peak - before) / 1024 / 1024 };
  } finally {
    clearInterval(sampler);
  }
}

describe("decoding uploaded photos", () => {
  it("refuses decompression bombs with 413 from their header while 24-megapixel photos upload at the same time, in bounded memory", async () => {
    const [photographers, attackers] = await Promise.all([
      Promise.all(Array.from({ length: 4 }, (_, i) => limited.signUp(`Photographer ${i}`))),
      Promise.all(Array.from({ length: 6 }, (_, i) => limited.signUp(`Bomber ${i}`))),
    ]);
    const items = await Promise.all([...photographers, ...attackers].map(listing));
    const rowsBefore = await photoRows(limited);

    const { result, growthMb } = await withPeakMemory(() =>
      Promise.all([
        ...photographers.map((p, i) => upload(limited, p, items[i]!, files(camera, bigPng))),
        ...attackers.flatMap((a, i) => [
          upload(limited, a, items[photographers.length + i]!, files(bomb)),
          upload(limited, a, items[photographers.length + i]!, files(justOver)),
          upload(limited, a, items[photographers.length + i]!, files(underOldLimit)),
        ]),
      ]),
    );
    const accepted = result.slice(0, photographers.length);
    const bombs = result.slice(photographers.length);

    for (const res of accepted) {
      expect(res.status).toBe(201);
      expect((res.body as unknown as Item).photos.map((p) => [p.width, p.height])).toEqual([
        [1067, 1600], // the camera's photo, turned upright
        [1600, 1067],
      ]);
    }
    for (const res of bombs) {
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({
        code: "payload_too_large",
        errors: [{ path: "photo[0]", message: "has more than 25 million pixels" }],
      });
    }
    expect(await photoRows(limited)).toBe(rowsBefore + 2 * photographers.length);
    // Decoded, each 49-megapixel bomb would take some 200 MB per pipeline, and each of the 8 large
    // photos 60–100 MB, twice over when decoded once per output. Refused from their headers, and
    // with the photos decoded once each, two at a time, the burst stays under this: 330–410 MB
    // measured here, most of it allocator arenas that glibc keeps (590–660 MB before the change).
    console.info(`photo burst: resident memory grew by at most ${growthMb.toFixed(0)} MB`);
    expect(growthMb).toBeLessThan(550);
  }, 60_000);

  it("answers 503 with Retry-After to new uploads while photos wait to be decoded, storing nothing of them", async () => {
    // One decode at a time and one waiting: an upload of three large photos fills the line for
    // about a second, during which other uploads are refused before their bodies are read.
    const [patient, late] = await Promise.all([busy.signUp("Patient"), busy.signUp("Late")]);
    const [big, small] = await Promise.all([listing(patient), listing(late)]);
    const tiny = await solidPng(64, 48);
    const first = upload(busy, patient, big, files(camera, camera, camera));
    let settled = false;
    void first.finally(() => (settled = true));
    const later: ReturnType<typeof upload>[] = [];
    while (!settled) {
      later.push(upload(busy, late, small, files(tiny)));
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    const answers = await Promise.all(later);
    const refusals = answers.filter((res) => res.status === 503);
    expect(refusals.length).toBeGreaterThan(0);
    expect(answers.every((res) => res.status === 201 || res.status === 503)).toBe(true);
    for (const res of refusals) {
      expect(res.body.code).toBe("dependency_unavailable");
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    // The upload already admitted completes.
    expect((await first).status).toBe(201);
    const rows = await photoRows(busy);
    expect(await filesUnder(join(dataDirs.get("photobusy")!, "photos"))).toHaveLength(rows * 2);
    const lateItem = await busy.client().items.get({ params: { id: small } });
    expect(lateItem.photos).toHaveLength(answers.length - refusals.length); // nothing of the refused ones
    expect(rows).toBe(3 + lateItem.photos.length);
  }, 60_000);
});

describe("the hourly upload limit", () => {
  it("counts every file a user sends: past 6 an hour, 429 with Retry-After and nothing stored; others unaffected", async () => {
    const [eager, other] = await Promise.all([limited.signUp("Eager"), limited.signUp("Other")]);
    const [mine, theirs] = await Promise.all([listing(eager), listing(other)]);
    const small = await solidPng(64, 48);
    expect((await upload(limited, eager, mine, files(small, small, small, small))).status).toBe(201);

    const rowsBefore = await photoRows(limited);
    const over = await upload(limited, eager, mine, files(small, small, small)); // the 7th file is one too many
    expect(over.status).toBe(429);
    expect(over.body.code).toBe("rate_limited");
    const retryAfter = Number(over.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect((await upload(limited, eager, mine, files(small))).status).toBe(429);
    expect(await photoRows(limited)).toBe(rowsBefore);

    expect((await upload(limited, other, theirs, files(small, small))).status).toBe(201);
  });
});
