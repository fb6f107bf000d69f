"use client";
import { useEffect, useId, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { Button } from "@sharehood/ui/button";
import { cx } from "@sharehood/ui/cx";
import type { ReportSubject } from "@/features/reports/actions";
import { ReportForm } from "@/features/reports/report-form";

/**
 * "Report", and the report form in a modal dialog (the browser's own `<dialog>`: it keeps the
 * focus inside, closes on Escape and gives the focus back to this button). The form is mounted
 * only while the dialog is open, so a thread with many messages holds no hidden forms, and each
 * opening starts afresh; it goes to the end of the body, since the button may sit in a line of
 * text where a dialog may not.
 */
export function ReportButton({
  subject,
  title,
  accessibleLabel,
  label = "Report",
  compact = false,
  className,
}: {
  subject: ReportSubject;
  /** The dialog's heading: "Report “Cordless drill”". */
  title: string;
  /** The button's name for screen readers when the text alone does not say what is reported. */
  accessibleLabel?: string;
  label?: string;
  /** A small text button, for a line of small print (a message's time). */
  compact?: boolean;
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (open && !dialogRef.current?.open) dialogRef.current?.showModal();
  }, [open]);

  return (
    <>
      {compact ? (
        <button
          type="button"
          aria-haspopup="dialog"
          aria-label={accessibleLabel}
          onClick={() => setOpen(true)}
          className={cx("rounded font-medium text-stone-600 underline hover:text-stone-900", className)}
        >
          {label}
        </button>
      ) : (
        <Button
          variant="ghost"
          size="sm"
          aria-haspopup="dialog"
          aria-label={accessibleLabel}
          onClick={() => setOpen(true)}
          className={cx("text-stone-600", className)}
        >
          {label}
        </Button>
      )}
      {open &&
        createPortal(
          <dialog
            ref={dialogRef}
            aria-labelledby={titleId}
            onClose={() => setOpen(false)}
            className="m-auto max-h-[calc(100dvh-2rem)] w-[calc(100%-2rem)] max-w-lg overflow-y-auto rounded-3xl bg-white p-5 text-left shadow-xl backdrop:bg-stone-900/50 sm:p-6"
          >
            <ReportForm
              subject={subject}
              titleId={titleId}
              title={title}
              onClose={() => dialogRef.current?.close()}
            />
          </dialog>,
          document.body,
        )}
    </>
  );
}
