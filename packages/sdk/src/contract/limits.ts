// No imports here: pages import these numbers without pulling schemas into the browser bundle.

/**
 * The lengths the contract enforces on text people type. The schemas use them, and forms read them
 * from here (`maxLength`, their own messages) instead of restating the numbers.
 */
export const FIELD_LIMITS = {
  itemTitle: 120,
  itemDescription: 5000,
  itemLocation: 120,
  loanMessage: 1000,
  message: 2000,
  userName: 100,
  bio: 500,
  neighbourhood: 80,
  reviewBody: 1000,
  reviewReply: 1000,
  reportDetails: 2000,
  moderationNote: 1000,
  passwordMin: 8,
  passwordMax: 256,
} as const;
