"use client";
import Link from "next/link";
import { buttonStyles } from "@sharehood/ui/button";
import { AskForm } from "@/features/conversations/ask-form";
import { BorrowForm, type BorrowPicker } from "@/features/items/borrow-form";
import { DeleteItemButton } from "@/features/items/delete-item-button";
import { useViewer } from "@/features/layout/viewer";
import { can } from "@/server/session-token";

// The parts of an item page that depend on who looks at it. The page itself is the same for every
// visitor (and kept by the page cache); these ask the viewer context.

interface Owner {
  id: string;
  name: string;
}

/** What these parts need of the item. */
export interface ItemRef {
  id: string;
  title: string;
  owner: Owner;
}

/** The owner's name, "(you)" for the owner themself. */
export function OwnerName({ owner }: { owner: Owner }) {
  const viewer = useViewer();
  return <>{viewer?.id === owner.id ? `${owner.name} (you)` : owner.name}</>;
}

/** Edit and delete, for the owner and for admins who may. */
export function ItemManageButtons({ item }: { item: ItemRef }) {
  const viewer = useViewer();
  const isOwner = viewer?.id === item.owner.id;
  const canEdit = isOwner || can(viewer, "item.update.any");
  const canDelete = isOwner || can(viewer, "item.delete.any");
  if (!canEdit && !canDelete) return null;
  return (
    <div className="mt-5 flex flex-wrap items-start gap-2 border-t border-stone-100 pt-5">
      {canEdit && (
        <Link href={`/items/${item.id}/edit`} className={buttonStyles("secondary", "sm")}>
          Edit listing
        </Link>
      )}
      {canDelete && (
        <DeleteItemButton
          itemId={item.id}
          itemTitle={item.title}
          label={isOwner ? "Delete" : "Remove item"}
          redirectTo={isOwner ? "/listings" : "/"}
          askReason={!isOwner}
        />
      )}
    </div>
  );
}

/**
 * Signed out, an invitation to sign in; the owner, where requests go; anyone else, the borrow form
 * (its dates shared with the calendar, `picker`), or that the owner paused the item.
 */
export function BorrowSection({
  item,
  paused,
  picker,
}: {
  item: ItemRef;
  paused: boolean;
  picker: BorrowPicker;
}) {
  const viewer = useViewer();
  if (!viewer)
    return (
      <div className="when-signed-out flex flex-col gap-3">
        <p className="text-stone-700">Sign in to ask {item.owner.name} if you can borrow this.</p>
        <Link
          href={`/sign-in?callbackUrl=${encodeURIComponent(`/items/${item.id}`)}`}
          className={buttonStyles("primary", "lg")}
        >
          Sign in to borrow
        </Link>
      </div>
    );
  if (viewer.id === item.owner.id)
    return (
      <p className="text-stone-700">
        This is your item. Requests to borrow it appear in{" "}
        <Link href="/loans?view=owner" className="font-semibold text-brand-800 underline">
          Borrowing
        </Link>
        .
      </p>
    );
  if (paused)
    return (
      <p className="text-stone-700">
        {item.owner.name} has paused this item for now and is not taking requests. Save it, or ask a question,
        and try again later.
      </p>
    );
  return <BorrowForm itemId={item.id} itemTitle={item.title} picker={picker} />;
}

/** "Ask a question", for signed-in people who do not own the item; nothing for anyone else. */
export function AskSection({ item }: { item: ItemRef }) {
  const viewer = useViewer();
  if (!viewer || viewer.id === item.owner.id) return null;
  return (
    <div className="border-t border-stone-100 pt-5">
      <h2 className="mb-1 text-lg font-semibold">Questions?</h2>
      <p className="mb-3 text-sm text-stone-700">Ask {item.owner.name} before you ask to borrow it.</p>
      <AskForm itemId={item.id} ownerName={item.owner.name} />
    </div>
  );
}
