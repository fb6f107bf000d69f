"use client";
import { useState, useTransition } from "react";
import type { CalendarFeed } from "@sharehood/sdk/contract";
import { Button } from "@sharehood/ui/button";
import { createCalendarFeedAction, deleteCalendarFeedAction } from "@/features/profile/calendar-feed-actions";

/**
 * The calendar address with a copy button, "Make a new address" (after a warning that the old one
 * stops working) and "Turn off"; or, with none, a button to make one.
 */
export function CalendarFeedPanel({ initial }: { initial: CalendarFeed | null }) {
  const [feed, setFeed] = useState(initial);
  const [pending, startTransition] = useTransition();
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmingNew, setConfirmingNew] = useState(false);

  function run(step: "create" | "delete") {
    setProblem(null);
    setNotice(null);
    startTransition(async () => {
      if (step === "create") {
        const result = await createCalendarFeedAction();
        if (!result.ok) return setProblem(result.message);
        setNotice(
          feed
            ? "New address made. The old one no longer works: subscribe again with this one."
            : "Your calendar address is ready.",
        );
        setFeed(result.data);
      } else {
        const result = await deleteCalendarFeedAction();
        if (!result.ok) return setProblem(result.message);
        setNotice("Your calendar feed is off. Its address no longer works.");
        setFeed(null);
      }
      setConfirmingNew(false);
    });
  }

  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      setNotice("Address copied.");
    } catch {
      setNotice("Select the address and copy it.");
    }
  }

  return (
    <div className="flex flex-col gap-4">
      {feed ? (
        <>
          <div className="flex flex-col gap-1.5">
            <label htmlFor="calendar-url" className="text-sm font-semibold text-stone-800">
              Your private calendar address
            </label>
            <div className="flex flex-wrap gap-2">
              <input
                id="calendar-url"
                readOnly
                value={feed.url}
                onFocus={(event) => event.currentTarget.select()}
                className="h-11 min-w-0 flex-1 rounded-xl border border-stone-300 bg-stone-50 px-3 font-mono text-sm text-stone-900"
              />
              <Button type="button" variant="secondary" onClick={() => void copy(feed.url)}>
                Copy address
              </Button>
            </div>
          </div>
          {confirmingNew ? (
            <div className="flex flex-col gap-2 rounded-xl bg-amber-50 p-3 text-sm text-amber-950 ring-1 ring-amber-200">
              <p>
                The current address stops working at once: calendars subscribed to it stop updating until you
                subscribe again with the new one.
              </p>
              <div className="flex flex-wrap gap-2">
                <Button type="button" size="sm" pending={pending} onClick={() => run("create")}>
                  Make the new address
                </Button>
                <Button type="button" size="sm" variant="ghost" onClick={() => setConfirmingNew(false)}>
                  Keep this one
                </Button>
              </div>
            </div>
          ) : (
            <div className="flex flex-wrap gap-2">
              <Button type="button" variant="secondary" size="sm" onClick={() => setConfirmingNew(true)}>
                Make a new address
              </Button>
              <Button type="button" variant="ghost" size="sm" pending={pending} onClick={() => run("delete")}>
                Turn off
              </Button>
            </div>
          )}
          <p className="text-sm text-stone-600">
            Shared it by mistake? Make a new address: the old one stops working.
          </p>
        </>
      ) : (
        <div>
          <Button type="button" pending={pending} onClick={() => run("create")}>
            Make my calendar address
          </Button>
        </div>
      )}
      <p role="status" className="text-sm text-stone-800">
        {notice}
      </p>
      {problem && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {problem}
        </p>
      )}
    </div>
  );
}
