import { Router } from "express";
import { notificationRoutes } from "@sharehood/sdk/contract";
import { PreparedResponse } from "@sharehood/server-kit";
import type { Mount } from "../auth/mount.ts";
import type { StreamHub } from "../stream/stream-hub.ts";
import type { NotificationsService } from "./notifications.service.ts";

const STREAMING = new PreparedResponse(200, undefined);

/** The caller's notifications: list, unread count, mark read, live stream. */
export function notificationsRouter(mount: Mount, service: NotificationsService, hub: StreamHub): Router {
  const router = Router();
  mount(router, notificationRoutes.listNotifications, ({ caller, query }) =>
    service.list(caller.user.id, query),
  );
  mount(router, notificationRoutes.unreadCount, ({ caller }) => service.unreadCount(caller.user.id));
  mount(router, notificationRoutes.markRead, ({ caller, body }) =>
    service.markRead(caller.user.id, body.ids),
  );
  mount(router, notificationRoutes.streamNotifications, ({ caller, req, res }) => {
    hub.open(caller, req, res);
    // The stream has answered already (its headers are out), so the mounter sends nothing more.
    return STREAMING;
  });
  return router;
}
