/** The two settings of the message email, in milliseconds. */
export interface MessageEmailTiming {
  /** How long a message must stay unread before it is emailed (MESSAGE_EMAIL_DELAY_SECONDS). */
  delayMs: number;
  /** At most one message email per person and thread in this long (MESSAGE_EMAIL_INTERVAL_SECONDS). */
  intervalMs: number;
}

/** What a due check does: nothing (all read), check again later, or email now. */
export type CheckDecision = { action: "none" } | { action: "later"; at: Date } | { action: "email" };

/**
 * The rule of the message email: only once the oldest unread message has stayed unread for the
 * delay, and not within the interval after the last message email about the thread; when either
 * forbids sending now, the check comes back when both allow it.
 */
export function decideCheck(
  state: { now: Date; oldestUnreadAt: Date | null; lastEmailedAt: Date | null },
  timing: MessageEmailTiming,
): CheckDecision {
  if (!state.oldestUnreadAt) return { action: "none" };
  const allowedAt = Math.max(
    state.oldestUnreadAt.getTime() + timing.delayMs,
    state.lastEmailedAt ? state.lastEmailedAt.getTime() + timing.intervalMs : 0,
  );
  return allowedAt > state.now.getTime() ? { action: "later", at: new Date(allowedAt) } : { action: "email" };
}
