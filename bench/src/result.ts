import type { Figures } from "./measure.ts";

/** One benchmark's outcome, as the report prints it. */
export interface ScenarioResult {
  title: string;
  /** Each measured configuration and its (median) figures. */
  rows: { label: string; figures: Figures }[];
  /** Each target from the issue, the value reached, and whether it was met. */
  verdicts: { target: string; value: string; met: boolean }[];
  /** Every raw figure, round by round. */
  raw: Record<string, Figures[]>;
  notes?: string[];
}

export const fmt = (n: number | undefined, digits = 2) =>
  n === undefined || Number.isNaN(n) ? "–" : n.toFixed(digits);
