import { Router } from "express";
import { inventoryRoutes } from "@sharehood/sdk/contract";
import type { Mount } from "../auth/mount.ts";
import type { CalendarService } from "./calendar.service.ts";

/**
 * The feed's answer is personal and its address is its only key: no shared cache may keep it
 * (`private`), and nothing keeps it at all (`no-store`), so a retired address or a cancelled loan is
 * never served from a copy. Calendar programs fetch it every few hours; it is cheap to build.
 */
const FEED_HEADERS = {
  "content-type": "text/calendar; charset=utf-8",
  "cache-control": "private, no-store",
  "content-disposition": 'inline; filename="sharehood.ics"',
  "x-robots-tag": "noindex",
};

export function calendarRouter(mount: Mount, calendar: CalendarService): Router {
  const router = Router();
  mount(router, inventoryRoutes.getCalendarFeed, ({ caller }) => calendar.get(caller));
  mount(router, inventoryRoutes.createCalendarFeed, ({ caller }) => calendar.create(caller));
  mount(router, inventoryRoutes.deleteCalendarFeed, ({ caller }) => calendar.remove(caller));
  mount(router, inventoryRoutes.calendarFeed, async ({ params, res }) => {
    const body = await calendar.render(params.token);
    // Sent here: the mounter sends JSON, and this answer is an iCalendar document.
    res.status(200).set(FEED_HEADERS).send(body);
    return body;
  });
  return router;
}
