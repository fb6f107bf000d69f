import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import type { Figures } from "../measure.ts";
import type { ScenarioResult } from "../result.ts";
import type { BenchStack } from "../stack.ts";
import { signInBorrower, startWebScenario } from "./web-session.ts";

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const TARGETS: Record<(typeof CATEGORIES)[number], number> = {
  performance: 95,
  accessibility: 100,
  "best-practices": 95,
  seo: 95,
};
const RUNS = 3;

type Preset = "mobile" | "desktop";

/** The pages measured, and with which of Lighthouse's settings. */
interface MeasuredPage {
  page: string;
  path: string;
  presets: readonly Preset[];
  /** Measured with a session (after the public pages, which are measured signed out). */
  signedIn?: boolean;
  /** Categories left out of the verdict, with the reason (still reported). */
  unjudged?: { category: (typeof CATEGORIES)[number]; reason: string };
}

/**
 * Lighthouse (npm) driving the Debian Chromium against the production build of the web app: the
 * browse page and an item page with Lighthouse's mobile (default) and desktop settings, and a
 * signed-in page (Borrowing, as someone with requests out) on mobile. Also the first-load
 * JavaScript of the browse page (compressed bytes transferred).
 */
export async function webPages(stack: BenchStack): Promise<ScenarioResult> {
  const { itemId, borrowed, web, chrome } = await startWebScenario(stack);
  const pages: MeasuredPage[] = [
    { page: "browse", path: "/", presets: ["mobile", "desktop"] },
    { page: "item", path: `/items/${itemId}`, presets: ["mobile", "desktop"] },
    {
      page: "Borrowing (signed in)",
      path: "/loans",
      presets: ["mobile"],
      signedIn: true,
      // A person's own page is noindex on purpose, which Lighthouse's SEO category counts against it.
      unjudged: { category: "seo", reason: "noindex by design" },
    },
  ];
  const rows: { label: string; figures: Figures }[] = [];
  const verdicts: ScenarioResult["verdicts"] = [];
  const notes: string[] = [];
  try {
    let hasSession = false;
    for (const { page, path, presets, signedIn, unjudged } of pages) {
      if (signedIn && !hasSession) {
        await signInBorrower(stack, web.url, chrome.port, borrowed);
        hasSession = true;
      }
      for (const preset of presets) {
        const config = preset === "desktop" ? desktopConfig : undefined;
        // Lighthouse's own guidance for variable machines: several runs, the median one reported.
        const runs = [];
        for (let run = 0; run < RUNS; run += 1) {
          const result = await lighthouse(
            `${web.url}${path}`,
            { port: chrome.port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] },
            config,
          );
          // A signed-in page that lost its session would redirect to sign-in and measure that.
          const landed = new URL(result!.lhr.finalDisplayedUrl).pathname;
          if (landed !== path.split("?")[0])
            throw new Error(`Lighthouse measured ${landed} instead of ${path}`);
          runs.push(result!.lhr);
        }
        runs.sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0));
        const lhr = runs[Math.floor(runs.length / 2)]!;
        const scores = Object.fromEntries(
          CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
        );
        const judged = CATEGORIES.filter((c) => c !== unjudged?.category);
        const met = judged.every((c) => scores[c]! >= TARGETS[c]);
        verdicts.push({
          target: `${page} page (${preset}): performance ≥ 95, accessibility 100, best practices ≥ 95${
            unjudged ? "" : ", SEO ≥ 95"
          }`,
          value: CATEGORIES.map(
            (c) => `${c} ${scores[c]}${c === unjudged?.category ? ` (not judged: ${unjudged.reason})` : ""}`,
          ).join(", "),
          met,
        });
        for (const [metric, audit] of [
          ["FCP", "first-contentful-paint"],
          ["LCP", "largest-contentful-paint"],
          ["TBT", "total-blocking-time"],
        ] as const) {
          rows.push({
            label: `${page}, ${preset}: ${metric} (ms), median of ${RUNS} runs`,
            figures: {
              rps: NaN,
              p50: lhr.audits[audit]?.numericValue ?? NaN,
              p99: NaN,
              errors: 0,
              non2xx: 0,
              requests: RUNS,
            },
          });
        }
        if (page === "browse" && preset === "desktop") {
          const items =
            (
              lhr.audits["resource-summary"]?.details as
                { items?: { resourceType: string; transferSize: number }[] } | undefined
            )?.items ?? [];
          const js = items.find((i) => i.resourceType === "script")?.transferSize ?? NaN;
          verdicts.push({
            target: "first-load JavaScript of the browse page (reported)",
            value: `${(js / 1024).toFixed(1)} KB transferred`,
            met: true,
          });
        }
        for (const [id, audit] of Object.entries(lhr.audits)) {
          if (audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode === "binary")
            notes.push(
              `${page} (${preset}): ${id} — ${audit.title}${audit.explanation ? ` (${audit.explanation})` : ""}`,
            );
        }
      }
    }
  } finally {
    chrome.kill();
    await web.stop("SIGTERM");
  }
  return {
    title: "Web pages (production build), Lighthouse",
    rows,
    verdicts,
    raw: {},
    notes: notes.length ? [`Failed binary audits: ${[...new Set(notes)].join("; ")}`] : [],
  };
}
