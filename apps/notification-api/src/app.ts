import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { notificationRoutes } from "@sharehood/sdk/contract";
import {
  createAuthenticator,
  createEventBus,
  createServiceApp,
  createServiceCore,
  createUserApiAccess,
  finishService,
  forgetProcessedEvents,
  listenForRevocations,
  startPeriodic,
  type Service,
} from "@sharehood/server-kit";
import { createDb, type Db } from "./db.ts";
import type { NotificationApiConfig } from "./env.ts";
import { auditLogRouter } from "./modules/audit/audit-log.routes.ts";
import { createAuditLogService } from "./modules/audit/audit-log.service.ts";
import { createMount } from "./modules/auth/mount.ts";
import { startEmailQueue, type EmailQueue } from "./modules/email/email-queue.ts";
import { createEmailsRepository } from "./modules/email/emails.repository.ts";
import { createMailTransport } from "./modules/email/mail-transport.ts";
import { createEmailSender } from "./modules/email/send-email.ts";
import { CONSUMER_GROUP, createEventHandler, type HandleEvent } from "./modules/events/handle-event.ts";
import { feedRouter } from "./modules/feed/feed.routes.ts";
import { createEventRecorder } from "./modules/feed/record-event.ts";
import { createMessageCheck } from "./modules/messages/check-messages.ts";
import { messageThreadsRepository } from "./modules/messages/message-threads.repository.ts";
import { createNotificationMetrics } from "./modules/notifications/notification-metrics.ts";
import { createNotificationsRepository } from "./modules/notifications/notifications.repository.ts";
import { notificationsRouter } from "./modules/notifications/notifications.routes.ts";
import { createNotificationsService } from "./modules/notifications/notifications.service.ts";
import { createPreferencesRepository } from "./modules/preferences/preferences.repository.ts";
import { preferencesRouter } from "./modules/preferences/preferences.routes.ts";
import { toNotificationDto } from "./modules/notifications/notification-dto.ts";
import { createStreamHub, type StreamHub } from "./modules/stream/stream-hub.ts";
import { acceptOneClickBodies } from "./modules/unsubscribe/one-click-body.ts";
import { resolveSigningSecret } from "./modules/unsubscribe/signing-secret.ts";
import { createUnsubscribeTokens } from "./modules/unsubscribe/unsubscribe-token.ts";
import { unsubscribeRouter } from "./modules/unsubscribe/unsubscribe.routes.ts";
import { startWebhookQueue, type WebhookQueue } from "./modules/webhooks/delivery-queue.ts";
import { createWebhookSender } from "./modules/webhooks/deliver.ts";
import { createWebhookUpkeep } from "./modules/webhooks/upkeep.ts";
import { createSecretBox } from "./modules/webhooks/webhook-secrets.ts";
import { createWebhooksService } from "./modules/webhooks/webhooks.service.ts";
import { webhooksRouter } from "./modules/webhooks/webhooks.routes.ts";

export const SERVICE = "notification-api";
export const PRISMA_DIR = fileURLToPath(new URL("../prisma", import.meta.url));

/** How long handled event ids and finished emails are kept (far past any redelivery or retry). */
const RETENTION_MS = 30 * 24 * 3600 * 1000;

/** A wired Notification API, with what tests reach into: the event handler, the streams, the email and webhook jobs. */
export type NotificationApi = Service<Db> & {
  handleEvent: HandleEvent;
  hub: StreamHub;
  emailQueue: EmailQueue;
  webhookQueue: WebhookQueue;
  /** The hourly webhook upkeep (purge the feed past 30 days, wake endpoints left behind), run now. */
  webhookUpkeep: () => Promise<void>;
};

/** The domain part of MAIL_FROM (`Name <a@b>` or `a@b`), for Message-IDs. */
const domainOf = (from: string) => /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "sharehood.localhost";

/**
 * Builds the Notification API from validated config: database (migrated when asked, embedded when
 * no DATABASE_URL), email jobs, the event subscription, the live streams and the routes.
 */
export async function createNotificationApi(config: NotificationApiConfig): Promise<NotificationApi> {
  // pg-boss needs the database's URL, which is only known once the embedded one is up.
  let databaseUrl = "";
  const core = await createServiceCore({
    name: SERVICE,
    config,
    prismaDir: PRISMA_DIR,
    createDb: (url) => {
      databaseUrl = url;
      return createDb(url);
    },
  });
  const { db, store, logger } = core;
  const metrics = createNotificationMetrics(core.metrics);
  const publicUrl = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;

  const signingSecret = await resolveSigningSecret({
    configured: config.NOTIFICATION_SIGNING_SECRET,
    file: join(config.DATA_DIR, SERVICE, "signing-secret"),
    logger,
  });
  const tokens = createUnsubscribeTokens(signingSecret);
  const notifications = createNotificationsRepository(db);
  const preferences = createPreferencesRepository(db);
  const emails = createEmailsRepository(db);

  const transport = createMailTransport({
    smtpUrl: config.SMTP_URL,
    mailDir: join(config.DATA_DIR, "mail"),
    logger,
  });
  logger.info({ to: transport.description }, `email goes to ${transport.description}`);
  core.onDispose(() => transport.close());
  const emailQueue = await startEmailQueue({
    databaseUrl,
    retryLimit: config.EMAIL_RETRY_LIMIT,
    retryDelaySeconds: config.EMAIL_RETRY_DELAY_SECONDS,
    pollSeconds: config.EMAIL_POLL_SECONDS,
    logger,
  });
  core.onDispose(() => emailQueue.stop());
  await emailQueue.work(
    createEmailSender({
      emails,
      preferences,
      transport,
      tokens,
      from: config.MAIL_FROM,
      webUrl: config.PUBLIC_WEB_URL,
      publicUrl,
      metrics,
      logger,
    }),
  );

  const hub = createStreamHub({
    store,
    countUnread: (userId) => notifications.countUnread(userId),
    createdSince: async (userId, since, limit) =>
      (await notifications.createdSince(userId, since, limit)).map(toNotificationDto),
    maxPerPerson: config.STREAMS_PER_PERSON,
    logger,
  });
  const stopHearing = await hub.start();
  core.onDispose(() => stopHearing());

  const { tokenCache, userApi } = createUserApiAccess(config, { store, logger });
  core.onDispose(() => userApi.close());
  const stopRevocations = await listenForRevocations({
    store,
    cache: tokenCache,
    logger,
    // A revoked token's stream ends with it (logout, deletion, suspension).
    onRevoked: (event) => Promise.resolve(hub.closeTokens(event.tokenHashes)),
  });
  core.onDispose(() => stopRevocations());

  // Webhooks: their jobs beside the email jobs, senders started once the event handler can feed them.
  const webhookQueue = await startWebhookQueue({
    databaseUrl,
    pollSeconds: config.WEBHOOKS_POLL_SECONDS,
    logger,
  });
  core.onDispose(() => webhookQueue.stop());
  const secretBox = createSecretBox(signingSecret);
  const webhookSender = createWebhookSender({
    db,
    box: secretBox,
    queue: webhookQueue,
    emails,
    emailQueue,
    mailDomain: domainOf(config.MAIL_FROM),
    settings: {
      timeoutMs: config.WEBHOOKS_TIMEOUT_SECONDS * 1000,
      allowPrivate: config.WEBHOOKS_ALLOW_PRIVATE_TARGETS,
      retrySeconds: config.WEBHOOKS_RETRY_SCHEDULE,
      disableAfterMs: config.WEBHOOKS_DISABLE_AFTER_SECONDS * 1000,
    },
    metrics,
    logger,
  });
  const webhookUpkeep = createWebhookUpkeep({ db, queue: webhookQueue, logger });
  await webhookQueue.work(
    (webhookId) => webhookSender.run(webhookId),
    () => webhookUpkeep.run(),
  );
  // Deliveries whose job was lost (a crash) go now rather than at the next hourly upkeep.
  await webhookUpkeep
    .wakeLeftBehind()
    .catch((error: unknown) =>
      logger.warn({ err: (error as Error).message }, "could not wake webhook endpoints left behind"),
    );

  const handleEvent = createEventHandler({
    db,
    notifications,
    preferences,
    emails,
    queue: emailQueue,
    hub,
    recordEvent: createEventRecorder(webhookQueue),
    nudgeWebhooks: () => webhookQueue.nudge(),
    mailDomain: domainOf(config.MAIL_FROM),
    messageEmailDelayMs: config.MESSAGE_EMAIL_DELAY_SECONDS * 1000,
    metrics,
    logger,
  });
  await emailQueue.workChecks(
    createMessageCheck({
      db,
      emails,
      queue: emailQueue,
      preferences,
      timing: {
        delayMs: config.MESSAGE_EMAIL_DELAY_SECONDS * 1000,
        intervalMs: config.MESSAGE_EMAIL_INTERVAL_SECONDS * 1000,
      },
      mailDomain: domainOf(config.MAIL_FROM),
      logger,
    }),
  );
  const bus = createEventBus({
    logger,
    redisUrl: config.REDIS_URL,
    namespace: config.REDIS_NAMESPACE,
    secret: config.EVENTS_SECRET,
    registry: core.metrics.registry,
  });
  if (bus.kind === "push" && !config.EVENTS_SECRET)
    logger.warn("neither REDIS_URL nor EVENTS_SECRET is set: no events can reach this service");
  const subscription = await bus.subscribe(CONSUMER_GROUP, handleEvent, {
    claimIdleMs: config.EVENTS_CLAIM_IDLE_SECONDS * 1000,
  });
  // Disposal runs backwards: stop taking events first, then the rest.
  core.onDispose(async () => {
    await subscription.stop();
    await bus.close();
  });

  core.onDispose(
    startPeriodic({
      name: "notification upkeep",
      intervalMs: config.UPKEEP_INTERVAL_SECONDS * 1000,
      db,
      registry: core.metrics.registry,
      logger,
      task: async () => {
        const before = new Date(Date.now() - RETENTION_MS);
        await forgetProcessedEvents(db, RETENTION_MS);
        await emails.purgeFinished(before);
        await messageThreadsRepository.purgeIdle(db, before);
      },
    }),
  );

  const app = createServiceApp(core, config, {
    title: "Sharehood Notification API",
    description:
      "In-app notifications, their live stream, email preferences, one-click unsubscribe, the events feed and webhooks, and the admins' audit log.",
    routes: notificationRoutes,
  });
  // Everything here is personal: no shared cache may keep it.
  app.use((_req, res, next) => {
    res.setHeader("cache-control", "no-store");
    next();
  });
  app.use(bus.router);
  const authenticate = createAuthenticator({ userApi, cache: tokenCache });
  const mount = createMount(authenticate);
  app.use(notificationsRouter(mount, createNotificationsService({ notifications, hub }), hub));
  app.use(preferencesRouter(mount, preferences));
  app.use(unsubscribeRouter(mount, { tokens, preferences }));
  app.use(auditLogRouter(mount, createAuditLogService(db)));
  app.use(feedRouter(mount, db));
  app.use(
    webhooksRouter(
      mount,
      createWebhooksService({
        db,
        box: secretBox,
        queue: webhookQueue,
        allowPrivate: config.WEBHOOKS_ALLOW_PRIVATE_TARGETS,
      }),
    ),
  );

  const service = finishService(core, app, { listener: acceptOneClickBodies(app) });
  return {
    ...service,
    // Streams end as soon as shutting down starts: their clients reconnect to another replica.
    markShuttingDown: () => {
      service.markShuttingDown();
      hub.closeAll();
    },
    handleEvent,
    hub,
    emailQueue,
    webhookQueue,
    webhookUpkeep: () => webhookUpkeep.run(),
  };
}
