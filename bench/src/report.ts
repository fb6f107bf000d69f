import { writeFileSync } from "node:fs";
import type { describeMachine } from "./machine.ts";
import { fmt, type ScenarioResult } from "./result.ts";

/** Writes bench/RESULTS.md: the machine, each scenario's verdicts and figures, and every raw figure. */
export function writeReport(
  path: string,
  machine: ReturnType<typeof describeMachine>,
  results: ScenarioResult[],
  notes: string[],
): string {
  const lines: string[] = [
    "# Sharehood benchmark results",
    "",
    "Written by `npm run bench`. Every speed figure is compared with a baseline measured in the same run,",
    "alternating baseline and subject round by round (after one unrecorded warm-up round) and taking",
    "each side's median, because these machines are shared and noisy. Latencies are in milliseconds;",
    "the write-path figures are timed per request with the high-resolution clock.",
    "",
    `Machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}. Run at ${machine.date}.`,
    "",
    ...notes.map((n) => `- ${n}`),
    "",
    "## Summary",
    "",
    "| scenario | target | value | met |",
    "|---|---|---|---|",
    ...results.flatMap((r) =>
      r.verdicts.map((v) => `| ${r.title} | ${v.target} | ${v.value} | ${v.met ? "yes" : "**no**"} |`),
    ),
    "",
  ];
  for (const r of results) {
    lines.push(
      `## ${r.title}`,
      "",
      "| configuration | req/s | p50 | p95 | p99 | errors | non-2xx | requests |",
      "|---|---|---|---|---|---|---|---|",
    );
    for (const row of r.rows) {
      const f = row.figures;
      lines.push(
        `| ${row.label} | ${fmt(f.rps, 0)} | ${fmt(f.p50)} | ${fmt(f.p95)} | ${fmt(f.p99)} | ${f.errors} | ${f.non2xx} | ${f.requests} |`,
      );
    }
    lines.push("", "Raw figures, round by round:", "");
    for (const [label, runs] of Object.entries(r.raw)) {
      lines.push(
        `- ${label}: ${runs.map((f) => `${fmt(f.rps, 0)} req/s, p50 ${fmt(f.p50)}, p99 ${fmt(f.p99)}${f.p95 === undefined ? "" : `, p95 ${fmt(f.p95)}`}`).join(" · ")}`,
      );
    }
    for (const note of r.notes ?? []) lines.push("", `Note: ${note}`);
    lines.push("");
  }
  const text = lines.join("\n");
  writeFileSync(path, text);
  return text;
}
