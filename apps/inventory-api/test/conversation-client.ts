import type { SharehoodClient } from "@sharehood/sdk";

/**
 * A person's conversation and block calls (their SDK client's `conversations` and `blocks`),
 * under one name in these tests, so a test reads `asker.talk.send(...)`.
 */
export function talkOf({ conversations, blocks }: SharehoodClient) {
  return { ...conversations, block: blocks.add, unblock: blocks.remove, blocks: blocks.list };
}

export type ConversationClient = ReturnType<typeof talkOf>;
