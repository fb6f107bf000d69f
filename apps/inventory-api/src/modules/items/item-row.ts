import type { Condition } from "@sharehood/sdk";

/** An item as the repository returns it (snake_case columns mapped, photos aggregated). */
export interface ItemRow {
  id: string;
  ownerId: string;
  ownerName: string;
  ownerAvatarUrl: string | null;
  title: string;
  description: string;
  categoryId: string;
  condition: Condition;
  location: string | null;
  photos: { id: string; key: string; width: number; height: number }[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** Set when moderators hid it, with why. */
  hiddenAt: Date | null;
  hiddenReason: string | null;
  /** Whether its owner's account is suspended (which hides every item of theirs). */
  ownerSuspended: boolean;
  /** Where it is, snapped to the position grid when stored; both null when the owner gave none. */
  lat: number | null;
  lng: number | null;
  /** The owner's rules (see the contract's borrowing.ts). */
  paused: boolean;
  minDays: number | null;
  maxDays: number | null;
  noticeDays: number;
  /** Blocked days that have not ended yet, earliest first. */
  blockedRanges: { start: string; end: string }[];
}
