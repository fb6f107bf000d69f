"use client";
import { useState } from "react";
import type { LoanReviews } from "@sharehood/sdk/contract";
import { FIELD_LIMITS } from "@sharehood/sdk/limits";
import { Alert } from "@sharehood/ui/alert";
import { Button } from "@sharehood/ui/button";
import { TextAreaField } from "@sharehood/ui/text-area-field";
import { formText } from "@/features/layout/form-text";
import { useFormAction } from "@/features/layout/use-form-action";
import { writeReviewAction } from "@/features/reviews/actions";
import { RatingField } from "@/features/reviews/rating-field";
import type { ActionResult } from "@/server/action-result";

/**
 * "Review <other person>": 1 to 5 stars and an optional text, once. `onWritten` gets the loan's
 * reviews as they are after it (the other side's too, when mine was the second).
 */
export function ReviewForm({
  loanId,
  otherName,
  until,
  onWritten,
}: {
  loanId: string;
  otherName: string;
  /** The window's last day, for people. */
  until: string;
  onWritten: (reviews: LoanReviews) => void;
}) {
  async function write(state: ActionResult<LoanReviews> | null, form: FormData) {
    const result = await writeReviewAction(loanId, state, form);
    if (result.ok) onWritten(result.data);
    return result;
  }
  const [ratingError, setRatingError] = useState<string>();
  const { state, pending, formProps } = useFormAction(write, null, (form) => {
    const chosen = formText(new FormData(form), "rating") !== "";
    setRatingError(chosen ? undefined : "Choose a rating from 1 to 5 stars");
    return chosen;
  });
  const refusal = state && !state.ok ? state : null;
  return (
    <form {...formProps} aria-label={`Review ${otherName}`} className="flex flex-col gap-4" noValidate>
      <p className="text-sm text-stone-700">
        You can review {otherName} until {until}. Neither of you sees the other&apos;s review until both are
        written or that day has passed; then both appear on your profiles and can no longer be changed.
      </p>
      {refusal && <Alert tone="error">{refusal.message}</Alert>}
      <RatingField legend="Your rating" error={ratingError ?? refusal?.fieldErrors.rating} />
      <TextAreaField
        id="review-body"
        name="body"
        label="Your review (optional)"
        rows={4}
        maxLength={FIELD_LIMITS.reviewBody}
        hint={`What would you tell neighbours about ${otherName}? Up to ${FIELD_LIMITS.reviewBody.toLocaleString("en-GB")} characters.`}
        error={refusal?.fieldErrors.body}
      />
      <div>
        <Button type="submit" pending={pending}>
          Post review
        </Button>
      </div>
    </form>
  );
}
