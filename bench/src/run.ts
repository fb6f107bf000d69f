// `npm run bench`: production builds of the APIs on real PostgreSQL and Redis, loopback load from
// autocannon, every figure against a baseline from the same run. Writes bench/RESULTS.md.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describeMachine } from "./machine.ts";
import { writeReport } from "./report.ts";
import type { ScenarioResult } from "./result.ts";
import { authOverhead } from "./scenarios/auth.ts";
import { cachedList } from "./scenarios/cached-list.ts";
import { conditionalGet } from "./scenarios/conditional.ts";
import { conversations } from "./scenarios/conversations.ts";
import { cachedAvailability, nearSearch, suggestions, typoFallback } from "./scenarios/discovery.ts";
import { login } from "./scenarios/login.ts";
import { approvalToStream, emailThroughput, heldStreams } from "./scenarios/notifications.ts";
import { replicaThroughput } from "./scenarios/replicas.ts";
import { searchScaling } from "./scenarios/search.ts";
import { tracingOverhead } from "./scenarios/tracing.ts";
import { uncachedItem } from "./scenarios/uncached-item.ts";
import { webLoad } from "./scenarios/web-load.ts";
import { webPages } from "./scenarios/web-pages.ts";
import { webhookDeliveries } from "./scenarios/webhooks.ts";
import { startBenchStack } from "./stack.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.includes(name);

for (const service of ["@sharehood/user-api", "@sharehood/inventory-api", "@sharehood/notification-api"]) {
  execFileSync("npm", ["run", "--silent", "generate", "-w", service], { cwd: root, stdio: "ignore" });
  execFileSync("npm", ["run", "--silent", "build", "-w", service], { cwd: root, stdio: "ignore" });
}
// The benchmark-only variant of the Inventory API (authentication skipped), bundled the same way.
execFileSync("node", ["../tooling/build/bundle.mjs", "src/variants/inventory-skip-auth.ts"], {
  cwd: `${root}/bench`,
  stdio: "ignore",
});
if (wanted("web") || wanted("web-load"))
  execFileSync("npm", ["run", "--silent", "build", "-w", "@sharehood/web"], { cwd: root, stdio: "ignore" });
const machine = describeMachine();
console.log(`bench on ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}`);
const stack = await startBenchStack();
const results: ScenarioResult[] = [];
const scenarios: [string, () => Promise<ScenarioResult | ScenarioResult[]>][] = [
  ["login", () => login(stack)],
  ["cached-list", () => cachedList(stack)],
  ["tracing", () => tracingOverhead(stack)],
  ["conditional", () => conditionalGet(stack)],
  ["uncached-item", () => uncachedItem(stack)],
  ["auth", () => authOverhead(stack)],
  ["search", () => searchScaling(stack)],
  ["near-search", () => nearSearch(stack)],
  ["suggest", () => suggestions(stack)],
  ["typo", () => typoFallback(stack)],
  ["availability", () => cachedAvailability(stack)],
  ["web", () => webPages(stack)],
  ["web-load", () => webLoad(stack)],
  ["notify-latency", () => approvalToStream(stack)],
  ["notify-streams", () => heldStreams(stack)],
  ["notify-email", () => emailThroughput(stack)],
  ["webhooks", () => webhookDeliveries(stack)],
  ["replicas", () => replicaThroughput(stack)],
  // Last: it adds catalogue items' threads and 100,000 messages the other scenarios do not expect.
  ["conversations", () => conversations(stack)],
];
let failed: unknown;
try {
  for (const [name, run] of scenarios.filter(([name]) => wanted(name))) {
    console.log(`\n▶ ${name}`);
    const outcome = await run();
    for (const result of Array.isArray(outcome) ? outcome : [outcome]) {
      results.push(result);
      for (const v of result.verdicts) console.log(`  ${v.met ? "✔" : "✘"} ${v.target}: ${v.value}`);
    }
  }
} catch (error) {
  failed = error;
  console.error("benchmark failed:", error);
}
// The report first: whatever was measured is kept even if stopping the services misbehaves.
const report = fileURLToPath(new URL("../RESULTS.md", import.meta.url));
writeReport(report, machine, results, [
  "Services run as production bundles (`node dist/main.js`) with LOG_LEVEL=warn; PostgreSQL 15 and Redis 7 on the same machine.",
  "Load comes from autocannon in this process, over loopback.",
]);
console.log(`\nreport written to ${report}`);
const closed = await Promise.race([
  stack.close().then(() => true),
  new Promise<false>((resolve) => setTimeout(() => resolve(false), 30_000).unref()),
]);
if (!closed)
  console.warn("the bench stack did not stop within 30 s; its sharehood_test_bench_* databases may remain");
process.exit(failed ? 1 : 0);
