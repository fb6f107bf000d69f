"use client";
import { Button } from "@sharehood/ui/button";

/** What a page shows when something it needs failed (an API down, say), with a way to retry. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto flex max-w-xl flex-col items-center gap-4 py-16 text-center">
      <h1 className="text-2xl font-bold tracking-tight">Something went wrong</h1>
      <p className="text-stone-600">
        We couldn&apos;t load this page. A Sharehood service may be briefly unavailable — please try again.
      </p>
      <Button size="lg" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
