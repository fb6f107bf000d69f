import { IdParamsSchema, pageOf } from "./common.ts";
import { defineRoute } from "./route.ts";
import {
  CreatedWebhookSchema,
  CreateWebhookBodySchema,
  ListEventsQuerySchema,
  ListWebhookDeliveriesQuerySchema,
  WebhookDeliveryParamsSchema,
  WebhookDeliverySchema,
  WebhookEventSchema,
  WebhookSchema,
} from "./webhooks.ts";

/**
 * The Notification API's events feed and webhook endpoints (spread into `notificationRoutes`). A
 * signed-in session holds both permissions; a personal access token needs the `webhooks:manage`
 * scope. Each person sees only their own events and endpoints (404 for anyone else's).
 */
export const webhookRoutes = {
  listEvents: defineRoute({
    method: "GET",
    path: "/events",
    summary:
      "Your events (about your items, loans, messages and account), oldest first after `cursor`, kept 30 days: the same objects your webhooks receive. `nextCursor` continues after the page's last event, so keep the latest one to catch up later; an empty page answers null (you have read everything: ask again later with the cursor you have)",
    auth: "bearer",
    permission: "event.read",
    query: ListEventsQuerySchema,
    status: 200,
    response: pageOf(WebhookEventSchema),
    errors: [400, 401, 403],
  }),
  listWebhooks: defineRoute({
    method: "GET",
    path: "/webhooks",
    summary: "Your webhook endpoints, oldest first",
    auth: "bearer",
    permission: "webhook.manage",
    status: 200,
    response: pageOf(WebhookSchema),
    errors: [401, 403],
  }),
  createWebhook: defineRoute({
    method: "POST",
    path: "/webhooks",
    summary:
      'Register an endpoint for some event types (or `["*"]`): the answer carries its signing `secret` (`whsec_…`) this once. 422 for a URL that names a loopback, private, link-local or metadata address; 409 past 10 endpoints',
    auth: "bearer",
    permission: "webhook.manage",
    body: CreateWebhookBodySchema,
    status: 201,
    response: CreatedWebhookSchema,
    errors: [400, 401, 403, 409, 422],
  }),
  deleteWebhook: defineRoute({
    method: "DELETE",
    path: "/webhooks/:id",
    summary: "Remove one of your endpoints, with its delivery log; nothing more is sent to it",
    auth: "bearer",
    permission: "webhook.manage",
    params: IdParamsSchema,
    status: 204,
    errors: [401, 403, 404],
  }),
  listWebhookDeliveries: defineRoute({
    method: "GET",
    path: "/webhooks/:id/deliveries",
    summary:
      "The delivery log of one of your endpoints, newest first: each event's status, latest attempt, response status, latency and error",
    auth: "bearer",
    permission: "webhook.manage",
    params: IdParamsSchema,
    query: ListWebhookDeliveriesQuerySchema,
    status: 200,
    response: pageOf(WebhookDeliverySchema),
    errors: [400, 401, 403, 404],
  }),
  redeliverWebhook: defineRoute({
    method: "POST",
    path: "/webhooks/:id/deliveries/:deliveryId/redeliver",
    summary:
      "Send one delivery's event again, now (a new attempt, signed afresh); 409 while the endpoint is disabled",
    auth: "bearer",
    permission: "webhook.manage",
    params: WebhookDeliveryParamsSchema,
    status: 202,
    response: WebhookDeliverySchema,
    errors: [401, 403, 404, 409],
  }),
};
