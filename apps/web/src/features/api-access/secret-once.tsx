"use client";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Button } from "@sharehood/ui/button";

/**
 * A new secret, shown this once: its value in a read-only field with a copy button, and a plain
 * warning that it cannot be shown again. It takes the focus when it appears (its heading), so a
 * screen reader reads the warning and a keyboard is one Tab from the copy button; "I have copied
 * it" hides it for good.
 */
export function SecretOnce({
  id,
  title,
  label,
  secret,
  children,
  onDone,
}: {
  id: string;
  title: string;
  label: string;
  secret: string;
  /** What to do with it, under the warning. */
  children?: ReactNode;
  onDone: () => void;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => headingRef.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied("Copied.");
    } catch {
      setCopied("Select the text and copy it.");
    }
  }

  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="flex flex-col gap-3 rounded-2xl bg-amber-50 p-4 text-amber-950 ring-1 ring-amber-300"
    >
      <h3 id={`${id}-heading`} ref={headingRef} tabIndex={-1} className="font-semibold outline-none">
        {title}
      </h3>
      <p className="text-sm">
        <strong>You won&apos;t see it again.</strong> Copy it now and keep it somewhere safe, such as a
        password manager or your program&apos;s secret settings. If you lose it, make a new one.
      </p>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={id} className="text-sm font-semibold">
          {label}
        </label>
        <div className="flex flex-wrap gap-2">
          <input
            id={id}
            readOnly
            value={secret}
            spellCheck={false}
            autoComplete="off"
            onFocus={(event) => event.currentTarget.select()}
            className="h-11 min-w-0 flex-1 rounded-xl border border-amber-300 bg-white px-3 font-mono text-sm text-stone-900"
          />
          <Button type="button" variant="secondary" onClick={() => void copy()}>
            Copy
          </Button>
        </div>
      </div>
      {children}
      <p role="status" className="text-sm font-medium">
        {copied}
      </p>
      <div>
        <Button type="button" size="sm" variant="ghost" onClick={onDone}>
          I have copied it
        </Button>
      </div>
    </section>
  );
}
