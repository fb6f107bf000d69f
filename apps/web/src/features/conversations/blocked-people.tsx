import type { Block } from "@sharehood/sdk/contract";
import { BlockedPeopleList } from "@/features/conversations/blocked-people-list";
import { getConversationClient } from "@/server/conversations";

/** How many blocks the profile lists (most recent first); past that it says there are more. */
const BLOCKS_SHOWN = 100;

/** The profile's "Blocked people" section: read from the Inventory API, each with "Unblock". */
export async function BlockedPeople() {
  const session = await getConversationClient();
  if (!session) return null;
  let blocks: Block[] | undefined;
  let more = false;
  try {
    const page = await session.blocks.list({ query: { limit: BLOCKS_SHOWN } });
    blocks = page.items;
    more = page.nextCursor !== null;
  } catch {
    blocks = undefined;
  }
  return (
    <section
      aria-labelledby="blocked-heading"
      className="rounded-3xl bg-white p-6 shadow-sm ring-1 ring-stone-200 sm:p-8"
    >
      <h2 id="blocked-heading" className="text-lg font-semibold">
        Blocked people
      </h2>
      <p className="mt-1 mb-4 text-stone-700">
        People you blocked cannot message you or ask to borrow your things. Block someone from your
        conversation with them.
      </p>
      {blocks === undefined ? (
        <p role="alert" className="text-sm text-red-700">
          We couldn&apos;t load the people you blocked. Please reload the page to try again.
        </p>
      ) : (
        <BlockedPeopleList initial={blocks} more={more} />
      )}
    </section>
  );
}
