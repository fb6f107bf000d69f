import { Router } from "express";
import { notificationRoutes } from "@sharehood/sdk/contract";
import type { Mount } from "../auth/mount.ts";
import type { WebhooksService } from "./webhooks.service.ts";

/** The caller's webhook endpoints; the mounter refuses a caller without `webhook.manage` (403) first. */
export function webhooksRouter(mount: Mount, service: WebhooksService): Router {
  const router = Router();
  mount(router, notificationRoutes.listWebhooks, ({ caller }) => service.list(caller.user.id));
  mount(router, notificationRoutes.createWebhook, ({ caller, body }) => service.create(caller.user.id, body));
  mount(router, notificationRoutes.deleteWebhook, ({ caller, params }) =>
    service.remove(caller.user.id, params.id),
  );
  mount(router, notificationRoutes.listWebhookDeliveries, ({ caller, params, query }) =>
    service.deliveries(caller.user.id, params.id, query),
  );
  mount(router, notificationRoutes.redeliverWebhook, ({ caller, params }) =>
    service.redeliver(caller.user.id, params.id, params.deliveryId),
  );
  return router;
}
