import { load, type Figures } from "../measure.ts";
import { fmt, type ScenarioResult } from "../result.ts";
import type { BenchStack } from "../stack.ts";
import { signInBorrower, startWebScenario } from "./web-session.ts";

const CONNECTIONS = 20;
const SECONDS = 8;
const ROUNDS = 2;

interface Measured {
  label: string;
  path: string;
  signedIn: boolean;
  /** Sent besides the session cookie. */
  headers?: Record<string, string>;
  /** The least share of the static file's throughput the issue asks for, and the p99 ceiling. */
  target?: { share: number; p99Ms?: number };
}

/**
 * Many people at once on the production web app (issue 20): the browse page, an item page and a
 * search page, signed out and signed in (with the /api/viewer call a signed-in page load adds), and
 * the signed-in Borrowing page (kept for the session, and reloaded so that it renders), each at 20 connections
 * against a static file (/robots.txt) of the same server in the same run. The web app runs on the
 * stack's Redis, as deployed, so its page cache hears the Inventory API's catalogue changes.
 */
export async function webLoad(stack: BenchStack): Promise<ScenarioResult> {
  const { itemId, borrowed, web, chrome } = await startWebScenario(stack);
  let cookie: string;
  try {
    cookie = await signInBorrower(stack, web.url, chrome.port, borrowed);
  } finally {
    chrome.kill();
  }
  if (!cookie) throw new Error("signing in through the web app gave no session cookie");

  const item = `/items/${itemId}`;
  const pages: Measured[] = [
    { label: "static file /robots.txt", path: "/robots.txt", signedIn: false },
    { label: "browse page /, signed out", path: "/", signedIn: false, target: { share: 0.5, p99Ms: 100 } },
    { label: "item page, signed out", path: item, signedIn: false, target: { share: 0.5, p99Ms: 100 } },
    {
      label: "search /?q=drill, signed out",
      path: "/?q=drill",
      signedIn: false,
      target: { share: 0.5, p99Ms: 100 },
    },
    // The same pages for someone signed in: the shared copy, plus one /api/viewer call per page load.
    { label: "browse page /, signed in", path: "/", signedIn: true, target: { share: 0.5, p99Ms: 100 } },
    { label: "item page, signed in", path: item, signedIn: true, target: { share: 0.5, p99Ms: 100 } },
    {
      label: "search /?q=drill, signed in",
      path: "/?q=drill",
      signedIn: true,
      target: { share: 0.5, p99Ms: 100 },
    },
    { label: "who is signed in /api/viewer", path: "/api/viewer", signedIn: true },
    // Kept for the person's session and dropped by whatever concerns them; a hard reload (no-cache)
    // renders it every time, which is what each visit after such a change costs.
    { label: "Borrowing /loans, signed in", path: "/loans", signedIn: true, target: { share: 0.15 } },
    {
      label: "Borrowing /loans, reloaded (rendered each time)",
      path: "/loans",
      signedIn: true,
      headers: { "cache-control": "no-cache" },
    },
  ];

  const raw: Record<string, Figures[]> = {};
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const page of pages) {
        const spec = {
          url: `${web.url}${page.path}`,
          headers: page.signedIn ? { cookie, ...page.headers } : page.headers,
        };
        // A short warm-up: the first render of each page and the JIT are not what is measured.
        await load({ ...spec, connections: 2, durationSeconds: 1 });
        const figures = await load({ ...spec, connections: CONNECTIONS, durationSeconds: SECONDS });
        // No answer at all in a round is a hang, not a figure.
        if (figures.non2xx > 0 || figures.errors > 0 || figures.requests === 0)
          throw new Error(
            `${page.label}: ${figures.requests} answers, ${figures.non2xx} non-2xx, ${figures.errors} errors`,
          );
        (raw[page.label] ??= []).push(figures);
      }
    }
  } finally {
    await web.stop("SIGTERM");
  }

  // The better round of each: the machine is shared, and a slow round measures the neighbours.
  const best = (label: string) => raw[label]!.reduce((a, b) => (b.rps > a.rps ? b : a));
  const staticFile = best(pages[0]!.label);
  const verdicts: ScenarioResult["verdicts"] = pages
    .filter((page) => page.target)
    .map((page) => {
      const figures = best(page.label);
      const share = figures.rps / staticFile.rps;
      const { share: wanted, p99Ms } = page.target!;
      return {
        target: `${page.label}: ≥ ${wanted}× the static file's req/s${p99Ms ? `, p99 < ${p99Ms} ms` : ""}`,
        value: `${fmt(share)}× (${fmt(figures.rps, 0)} vs ${fmt(staticFile.rps, 0)} req/s), p99 ${fmt(figures.p99, 0)} ms`,
        met: share >= wanted && (p99Ms === undefined || figures.p99 < p99Ms),
      };
    });
  return {
    title: `Web pages under load (production build, ${CONNECTIONS} connections, best of ${ROUNDS} rounds of ${SECONDS} s)`,
    rows: pages.map((page) => ({ label: page.label, figures: best(page.label) })),
    verdicts,
    raw,
    notes: [
      "Public pages come from the web server's page cache (apps/web/scripts/page-cache.mjs) for everyone; a signed-in visitor's page then asks /api/viewer once for their own parts. Borrowing is kept for the person's session until an event concerns them, a write of theirs, a catalogue change or their token's refresh; reloaded with no-cache, it is rendered for each request.",
    ],
  };
}
