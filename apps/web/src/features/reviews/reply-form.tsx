"use client";
import { useId, useState } from "react";
import type { Review } from "@sharehood/sdk/contract";
import { FIELD_LIMITS } from "@sharehood/sdk/limits";
import { Alert } from "@sharehood/ui/alert";
import { Button } from "@sharehood/ui/button";
import { TextAreaField } from "@sharehood/ui/text-area-field";
import { useFormAction } from "@/features/layout/use-form-action";
import { useViewer } from "@/features/layout/viewer";
import { replyToReviewAction } from "@/features/reviews/actions";
import type { ActionResult } from "@/server/action-result";

/**
 * "Reply" under a review of me that has no reply yet: one public answer, once. A part the browser
 * fills in (the profile page is the same for everybody): nothing for anyone else.
 */
export function ReplySlot({ review, onReplied }: { review: Review; onReplied: (review: Review) => void }) {
  const viewer = useViewer();
  const [open, setOpen] = useState(false);
  const formId = useId();
  if (!viewer || viewer.id !== review.subjectId || review.reply) return null;
  return (
    <div className="border-t border-stone-100 pt-3">
      <Button
        variant="secondary"
        size="sm"
        aria-expanded={open}
        aria-controls={formId}
        onClick={() => setOpen((was) => !was)}
      >
        Reply
      </Button>
      <div id={formId} hidden={!open} className="mt-3">
        {open && <ReplyForm review={review} onReplied={onReplied} />}
      </div>
    </div>
  );
}

function ReplyForm({ review, onReplied }: { review: Review; onReplied: (review: Review) => void }) {
  async function reply(state: ActionResult<Review> | null, form: FormData) {
    const result = await replyToReviewAction(review.id, state, form);
    if (result.ok) onReplied(result.data);
    return result;
  }
  const { state, pending, formProps } = useFormAction(reply, null);
  const refusal = state && !state.ok ? state : null;
  return (
    <form {...formProps} className="flex flex-col gap-3" noValidate>
      {refusal && <Alert tone="error">{refusal.message}</Alert>}
      <TextAreaField
        id={`reply-${review.id}`}
        name="body"
        label={`Your reply to ${review.author.name}`}
        rows={3}
        required
        maxLength={FIELD_LIMITS.reviewReply}
        hint="Shown under the review for everyone. You can reply once, and it cannot be changed."
        error={refusal?.fieldErrors.body}
      />
      <div>
        <Button type="submit" pending={pending}>
          Post reply
        </Button>
      </div>
    </form>
  );
}
