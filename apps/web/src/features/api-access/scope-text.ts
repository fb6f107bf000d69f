import type { Scope } from "@sharehood/sdk/contract";

/**
 * Each scope in plain words: what a program holding it may do as you. The form lists them in this
 * order; a token never does more than its owner may do at the time, whatever it says here.
 */
export const SCOPE_TEXT: Record<Scope, { label: string; hint: string }> = {
  "items:write": {
    label: "Manage your items",
    hint: "List new things, edit them and take them down, as a tool library's sync would.",
  },
  "loans:read": {
    label: "See your loans",
    hint: "The requests you made and those for your things, with their dates and status.",
  },
  "loans:write": {
    label: "Borrow and lend",
    hint: "Ask to borrow, and approve, decline, hand over or mark returned your loans.",
  },
  "messages:read": {
    label: "Read your messages",
    hint: "Your conversations with borrowers and owners.",
  },
  "messages:write": {
    label: "Send messages",
    hint: "Ask about items and write in your conversations.",
  },
  "webhooks:manage": {
    label: "Manage webhooks and read your events",
    hint: "Add and remove webhooks, redeliver events, and read your events feed.",
  },
  "profile:write": {
    label: "Edit your profile",
    hint: "Your name, bio, neighbourhood and photo.",
  },
  admin: {
    label: "Administer Sharehood",
    hint: "Everything you may do as an admin: people, reports, any item or loan. Give it sparingly.",
  },
};

/** "Manage your items, See your loans": a token's scopes in words, in the form's order. */
export function scopesText(scopes: readonly Scope[]): string {
  return (Object.keys(SCOPE_TEXT) as Scope[])
    .filter((scope) => scopes.includes(scope))
    .map((scope) => SCOPE_TEXT[scope].label)
    .join(", ");
}
