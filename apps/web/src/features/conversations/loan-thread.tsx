import Link from "next/link";
import { Alert } from "@sharehood/ui/alert";
import { MESSAGES_PAGE_SIZE } from "@/features/conversations/queries";
import { ThreadView } from "@/features/conversations/thread-view";
import { getConversationClient, withSiteThumbnail } from "@/server/conversations";

/**
 * A loan's conversation, on the loan page (a server component): the request's message first,
 * then whatever the borrower and the owner wrote. If it cannot be read, the loan page still is.
 */
export async function LoanThread({ conversationId }: { conversationId: string }) {
  const session = await getConversationClient();
  if (!session) return null;
  const id = conversationId;
  const loaded = await Promise.all([
    session.conversations.get({ params: { id } }),
    session.conversations.messages({ params: { id }, query: { limit: MESSAGES_PAGE_SIZE } }),
  ]).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
  return (
    <section
      aria-labelledby="loan-messages"
      className="flex flex-col gap-4 rounded-3xl bg-white p-4 shadow-sm ring-1 ring-stone-200 sm:p-6"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="loan-messages" className="text-lg font-semibold">
          Messages
        </h2>
        <Link href={`/messages/${id}`} className="text-sm font-medium text-brand-800 underline">
          Open in Messages
        </Link>
      </div>
      {loaded instanceof Error ? (
        <Alert tone="error">
          We couldn&apos;t load this loan&apos;s messages. Please reload the page to try again.
        </Alert>
      ) : (
        <ThreadView
          conversation={withSiteThumbnail(loaded[0])}
          initialMessages={loaded[1]}
          viewerId={session.viewer.id}
          withHeading={false}
          showSubject={false}
        />
      )}
    </section>
  );
}
