import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ApiError } from "@sharehood/sdk";
import { MESSAGES_PAGE_SIZE } from "@/features/conversations/queries";
import { ThreadView } from "@/features/conversations/thread-view";
import { PageHeading } from "@/features/layout/page-heading";
import { getConversationClient, withSiteThumbnail } from "@/server/conversations";

export const metadata: Metadata = {
  title: "Conversation",
  description: "A conversation on Sharehood.",
  robots: { index: false },
};

/** How many of my blocks are read to tell whether I blocked the other person. */
const BLOCKS_LOOKED_AT = 100;

export default async function ConversationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const session = await getConversationClient();
  if (!session) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/messages/${id}`)}`);
  const { conversations, blocks, viewer } = session;
  // No loading.tsx above this page: a thread that is not mine answers a real 404 (the API says
  // 404 to anyone outside a thread, as for one that does not exist).
  const [conversation, messages, myBlocks] = await Promise.all([
    conversations.get({ params: { id } }),
    conversations.messages({ params: { id }, query: { limit: MESSAGES_PAGE_SIZE } }),
    blocks.list({ query: { limit: BLOCKS_LOOKED_AT } }).catch(() => undefined),
  ]).catch((error: unknown) => {
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) notFound();
    throw error;
  });
  const blocked = myBlocks ? myBlocks.items.some((block) => block.user.id === conversation.other.id) : false;
  return (
    <div className="mx-auto flex max-w-3xl flex-col">
      <Link href="/messages" className="text-sm text-stone-600 hover:underline">
        ← Messages
      </Link>
      <div className="mt-3">
        <PageHeading
          title={conversation.other.name}
          intro={
            conversation.other.formerMember ? undefined : (
              <Link href={`/people/${conversation.other.id}`} className="text-sm underline">
                Profile and reviews
              </Link>
            )
          }
        />
      </div>
      <ThreadView
        conversation={withSiteThumbnail(conversation)}
        initialMessages={messages}
        viewerId={viewer.id}
        initiallyBlocked={blocked}
      />
    </div>
  );
}
