import type { REVIEW_REFUSALS } from "@sharehood/sdk";
import { AppError } from "@sharehood/server-kit";

/** The 409 of a review rule, naming the rule in the problem's `reason` (see `REVIEW_REFUSALS`). */
export const reviewRefused = (reason: (typeof REVIEW_REFUSALS)[number], detail: string) =>
  new AppError("conflict", detail, { extensions: { reason } });
