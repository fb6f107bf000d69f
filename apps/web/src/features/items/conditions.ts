import type { Condition } from "@sharehood/sdk/contract";

/** How each condition reads to people. */
export const CONDITION_LABELS: Record<Condition, string> = {
  new: "New",
  like_new: "Like new",
  good: "Good condition",
  fair: "Fair condition",
  worn: "Well used",
};

/** The condition choices of the item form. */
export const CONDITION_OPTIONS = (Object.keys(CONDITION_LABELS) as Condition[]).map((value) => ({
  value,
  label: CONDITION_LABELS[value],
}));
