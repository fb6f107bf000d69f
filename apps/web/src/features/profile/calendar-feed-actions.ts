"use server";
import type { CalendarFeed } from "@sharehood/sdk";
import { failure, failureFrom, success, type ActionResult } from "@/server/action-result";
import { getUserClient } from "@/server/session";

const signedOut = () => failure("Your session has ended. Please sign in again.", {}, "unauthenticated");

/** Makes a new private calendar address; the previous one stops working at once. */
export async function createCalendarFeedAction(): Promise<ActionResult<CalendarFeed>> {
  const session = await getUserClient();
  if (!session) return signedOut();
  try {
    return success(await session.client.calendar.create({}));
  } catch (error) {
    return failureFrom(error);
  }
}

/** Turns the calendar feed off: its address stops working. */
export async function deleteCalendarFeedAction(): Promise<ActionResult> {
  const session = await getUserClient();
  if (!session) return signedOut();
  try {
    await session.client.calendar.delete({});
    return success(undefined);
  } catch (error) {
    return failureFrom(error);
  }
}
