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

/** The bounds of an owner's rules; forms read them from here. */
export const BORROWING_RULE_LIMITS = {
  /** Loan lengths are counted in days, both ends included (a loan from the 3rd to the 5th is 3 days). */
  maxLoanDays: 365,
  maxNoticeDays: 90,
  maxBlockedRanges: 20,
  /** The longest single blocked range. */
  maxBlockedRangeDays: 366,
} as const;

/** The lowest and highest rating. */
export const RATING_MIN = 1;
export const RATING_MAX = 5;

/** The most photos one item can hold; an upload that would take it past this is refused whole (409). */
export const MAX_PHOTOS_PER_ITEM = 8;

/**
 * The image types a photo upload accepts, recognised by the file's content (its magic bytes, then
 * decoding), never by its name or declared type. Anything else is refused with 415.
 */
export const PHOTO_MEDIA_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;

/** The largest avatar file accepted, in bytes (5 MiB). */
export const MAX_AVATAR_BYTES = 5 * 1024 * 1024;

/** The image types an avatar upload accepts (recognised by content, as for item photos). */
export const AVATAR_MEDIA_TYPES = PHOTO_MEDIA_TYPES;
