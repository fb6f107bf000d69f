import type { Metadata } from "next";
import { Inbox } from "@/features/conversations/inbox";
import { INBOX_PAGE_SIZE } from "@/features/conversations/queries";
import { PageHeading } from "@/features/layout/page-heading";
import { getConversationClient, withSiteThumbnail } from "@/server/conversations";

export const metadata: Metadata = {
  title: "Messages",
  description: "Your conversations with neighbours about the things you lend and borrow.",
  robots: { index: false },
};

export default async function MessagesPage() {
  // The layout sent anyone signed out to sign-in. If the first page cannot be read, the list
  // reads it from the browser and says what went wrong.
  const session = await getConversationClient();
  const firstPage = await session?.conversations
    .list({ query: { limit: INBOX_PAGE_SIZE } })
    .then((page) => ({ ...page, items: page.items.map(withSiteThumbnail) }))
    .catch(() => undefined);
  return (
    <div className="mx-auto flex max-w-3xl flex-col">
      <PageHeading
        title="Messages"
        intro="Questions about items and the conversation of each loan, newest first."
      />
      {session && <Inbox initialPage={firstPage} viewerId={session.viewer.id} />}
    </div>
  );
}
