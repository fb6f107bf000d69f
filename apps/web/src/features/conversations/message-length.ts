import { FIELD_LIMITS } from "@sharehood/sdk/limits";

/** The longest message, in characters after trimming (as the API counts). */
export const MESSAGE_MAX = FIELD_LIMITS.message;

const NUMBER = new Intl.NumberFormat("en-GB");

/** What is wrong with a message before it is sent, or null: empty, or longer than the limit. */
export function messageProblem(text: string): string | null {
  const length = text.trim().length;
  if (length === 0) return "Write a message first";
  if (length > MESSAGE_MAX)
    return `Too long: ${NUMBER.format(length)} characters, at most ${NUMBER.format(MESSAGE_MAX)}`;
  return null;
}

/** The counter under the field: "12 of 2,000 characters". */
export function counterText(text: string): string {
  return `${NUMBER.format(text.trim().length)} of ${NUMBER.format(MESSAGE_MAX)} characters`;
}
