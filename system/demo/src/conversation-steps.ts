import { randomUUID } from "node:crypto";
import { check } from "./outcomes.ts";
import { need, type Step } from "./steps.ts";
import type { StoryState } from "./story-state.ts";

/** Ben asks Olivia about the drill before he asks to borrow it, and she answers in the same thread. */
export function askFirstStep(state: StoryState): Step {
  return {
    title: "Ben asks Olivia a question about the drill first, and she answers",
    async run() {
      const [owner, borrower] = [
        need(state.owner, "Olivia's account"),
        need(state.borrower, "Ben's account"),
      ];
      const drill = need(state.drill, "the drill");
      // The key makes a retried question safe: the API replays it instead of posting it twice.
      const thread = await borrower.client.conversations.ask(
        { params: { id: drill.id }, body: { body: "Hi Olivia! Does the drill come with masonry bits?" } },
        { idempotencyKey: randomUUID() },
      );
      const inbox = await owner.client.conversations.list({ query: {} });
      const mine = inbox.items.find((c) => c.id === thread.id);
      check(mine !== undefined, "the question is not in Olivia's inbox");
      check(mine.unreadCount === 1, `Olivia has ${mine.unreadCount} unread in the thread, expected 1`);
      await owner.client.conversations.markRead({ params: { id: thread.id } });
      await owner.client.conversations.send(
        {
          params: { id: thread.id },
          body: { body: "It does, a whole case of them. Ask to borrow it any time!" },
        },
        { idempotencyKey: randomUUID() },
      );
      const messages = await borrower.client.conversations.messages({ params: { id: thread.id }, query: {} });
      const [answer, question] = messages.items;
      check(
        messages.items.length === 2 && answer?.authorId === owner.id && question?.seen === true,
        `Ben's thread shows ${messages.items.length} messages, expected his question (seen) and Olivia's answer`,
      );
      return [
        `the thread about "${thread.item.title}" reached Olivia's inbox (1 unread); she read it and answered`,
        `Ben: "${question.body}" (seen)`,
        `Olivia: "${answer.body}"`,
      ];
    },
  };
}
