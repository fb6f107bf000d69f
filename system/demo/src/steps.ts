import { describeError } from "./outcomes.ts";

/** One step of the story: what is tried, and a function that does it and says what happened. */
export interface Step {
  title: string;
  /** Resolves with what happened (first line) and any detail lines; throws if it did not behave. */
  run: () => Promise<string[]>;
}

export type StepStatus = "passed" | "failed" | "skipped";

/** How one step went, as printed. */
export interface StepResult {
  number: number;
  title: string;
  status: StepStatus;
  outcome: string;
  details: string[];
}

/** Thrown by a step whose input an earlier, failed step should have produced. */
export class SkipStep extends Error {
  override readonly name = "SkipStep";
}

/** Answers a value an earlier step produced, or skips the current step when that step failed. */
export function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new SkipStep(`skipped: needs ${what} from an earlier step`);
  return value;
}

const MARKS: Record<StepStatus, string> = { passed: "✔", failed: "✘", skipped: "–" };

/** Formats a result as its numbered line and indented details. */
export function formatStep(result: StepResult): string[] {
  const head = `${MARKS[result.status]} ${result.number}. ${result.title} — ${result.outcome}`;
  return [head, ...result.details.map((line) => `     ${line}`)];
}

async function runOne(step: Step, number: number): Promise<StepResult> {
  try {
    const [outcome = "done", ...details] = await step.run();
    return { number, title: step.title, status: "passed", outcome, details };
  } catch (error) {
    const status = error instanceof SkipStep ? "skipped" : "failed";
    return { number, title: step.title, status, outcome: describeError(error), details: [] };
  }
}

/**
 * Runs the steps in order, printing each as it finishes. A failure does not stop the story: later
 * steps that do not depend on it still run, so one run shows everything that is wrong.
 */
export async function runSteps(steps: Step[], log: (line: string) => void): Promise<StepResult[]> {
  const results: StepResult[] = [];
  for (const [index, step] of steps.entries()) {
    const result = await runOne(step, index + 1);
    formatStep(result).forEach((line) => log(line));
    results.push(result);
  }
  return results;
}
