import type { Report } from "@sharehood/sdk/contract";

type Reason = Report["reason"];
type SubjectType = Report["subjectType"];
type Action = NonNullable<Report["resolution"]>["action"];

/** Each reason for a report in plain words, in the order the report form offers them. */
export const REASON_TEXT: Record<Reason, { label: string; hint: string }> = {
  spam: { label: "Spam", hint: "Advertising, scams, or the same thing posted again and again." },
  prohibited_item: { label: "Prohibited item", hint: "Something that may not be lent on Sharehood." },
  unsafe: {
    label: "Unsafe",
    hint: "Dangerous, broken in a way that could hurt someone, or a risky meeting.",
  },
  harassment: { label: "Harassment", hint: "Insults, threats or unwanted attention." },
  other: { label: "Other", hint: "Something else an admin should look at." },
};

/** What was reported, as a word. */
export const SUBJECT_TEXT: Record<SubjectType, string> = {
  item: "Item",
  user: "Person",
  message: "Message",
};

/** What an admin did with a report, as the queue and the log say it. */
export const ACTION_TEXT: Record<Action, string> = {
  dismiss: "Dismissed",
  hide_item: "Item hidden",
  suspend_user: "Person suspended",
};
