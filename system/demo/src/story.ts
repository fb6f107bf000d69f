import {
  adminCancelStep,
  approveAndHandOverStep,
  approveOwnRequestStep,
  editOthersItemStep,
  invalidTokenStep,
} from "./loan-steps.ts";
import { apiAccessStep } from "./api-access-steps.ts";
import { calendarStep, extensionStep, nearStep } from "./borrowing-steps.ts";
import { askFirstStep } from "./conversation-steps.ts";
import { browseStep, listItemsStep, registerStep, requestStep } from "./listing-steps.ts";
import { ownerNotifiedStep } from "./notification-steps.ts";
import { returnAndReviewStep } from "./review-steps.ts";
import { runSteps, type StepResult } from "./steps.ts";
import { createStoryState, type DemoOptions } from "./story-state.ts";

export type { DemoOptions } from "./story-state.ts";
export type { StepResult, StepStatus } from "./steps.ts";

/** How the walkthrough went: `ok` only when every step behaved as the story says it should. */
export interface DemoResult {
  ok: boolean;
  steps: StepResult[];
}

/**
 * The Sharehood walkthrough, told through the SDK alone against running services: two neighbours
 * sign up, one lends, the other asks about an item and then borrows it (and the owner is told), the
 * APIs refuse what they must, the item comes back and both review each other, a script reads the
 * owner's loans with a narrow token, and an admin steps in.
 */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const state = createStoryState(options);
  const { log } = options;
  log(`Sharehood demo (run ${state.runId})`);
  log(
    `  User API ${options.userApiUrl} · Inventory API ${options.inventoryApiUrl} · Notification API ${options.notificationApiUrl}`,
  );
  log("");
  const steps = await runSteps(
    [
      registerStep(state),
      listItemsStep(state),
      browseStep(state),
      nearStep(state),
      askFirstStep(state),
      requestStep(state),
      ownerNotifiedStep(state),
      approveOwnRequestStep(state),
      editOthersItemStep(state),
      approveAndHandOverStep(state),
      extensionStep(state),
      calendarStep(state),
      returnAndReviewStep(state),
      apiAccessStep(state),
      adminCancelStep(state),
      invalidTokenStep(state),
    ],
    log,
  );
  const passed = steps.filter((step) => step.status === "passed").length;
  const ok = passed === steps.length;
  log("");
  log(
    ok
      ? `All ${passed} steps behaved as described.`
      : `${steps.length - passed} of ${steps.length} steps did not behave as described.`,
  );
  return { ok, steps };
}
