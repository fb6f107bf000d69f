import { randomUUID } from "node:crypto";
import { createClient, type NotificationStreamEvent, type SharehoodClient } from "@sharehood/sdk";
import type { DomainEvent } from "@sharehood/sdk/contract";
import { createEventBus, createLogger, type EventBus } from "@sharehood/server-kit";
import {
  createTestDatabase,
  freePort,
  inProcessEnv,
  serveInProcess,
  signIn,
  signUp,
  STACK_ADMIN,
  testNamespace,
  testRedisUrl,
  type Neighbour,
  type SignedIn,
  type StackService,
  startTestSmtpServer,
  type TestSmtpServer,
} from "@sharehood/test-stack";
import type { UserApi } from "@sharehood/user-api/app";
import { userApiService } from "@sharehood/user-api/service";
import type { NotificationApi } from "../src/app.ts";
import { notificationApiService } from "../src/service.ts";
import { registered } from "./events.ts";

/** The web app's origin as the tests configure it: links in emails start with it. */
export const WEB_URL = "http://web.test";

export interface NotificationStack {
  users: StackService<UserApi>;
  notifications: StackService<NotificationApi>;
  smtp: TestSmtpServer;
  /** The Notification API's database. */
  databaseUrl: string;
  /** An SDK client of the User and Notification APIs, acting with `token` when given. */
  client: (token?: string) => SharehoodClient;
  /** Registers someone through the User API, and tells the Notification API about them. */
  signUp(name?: string): Promise<Neighbour>;
  /** The seeded admin (`STACK_ADMIN`), signed in. */
  admin(): Promise<SignedIn>;
  /** Another replica of the Notification API: same database, same Redis namespace, another port. */
  startReplica(): Promise<StackService<NotificationApi>>;
  /** Publishes events on the stream, as the producers' relays do. */
  publish(...events: DomainEvent[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real User API and the Notification API in-process, each on a fresh database, sharing a fresh
 * Redis namespace (so events and revocations flow between them), with a real SMTP server.
 */
export async function startNotificationStack(
  name: string,
  env: Record<string, string> = {},
): Promise<NotificationStack> {
  const namespace = testNamespace(name);
  const [userDb, notificationDb, smtp] = await Promise.all([
    createTestDatabase({ name: `nstack_users_${name}`, prismaDir: userApiService.prismaDir }),
    createTestDatabase({ name: `nstack_notifications_${name}`, prismaDir: notificationApiService.prismaDir }),
    startTestSmtpServer(),
  ]);
  const common = inProcessEnv(namespace);
  const users = await serveInProcess(
    userApiService,
    await userApiService.configure({
      ...common,
      DATABASE_URL: userDb.url,
      ADMIN_EMAIL: STACK_ADMIN.email,
      ADMIN_PASSWORD: STACK_ADMIN.password,
    }),
  );
  const port = await freePort();
  const notificationConfig = await notificationApiService.configure({
    ...common,
    DATABASE_URL: notificationDb.url,
    USER_API_URL: users.url,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    PUBLIC_WEB_URL: WEB_URL,
    SMTP_URL: smtp.url,
    MAIL_FROM: "Sharehood <no-reply@sharehood.test>",
    NOTIFICATION_SIGNING_SECRET: "test-signing-secret-of-at-least-32-chars",
    EMAIL_RETRY_DELAY_SECONDS: "1",
    EMAIL_POLL_SECONDS: "0.5",
    ...env,
  });
  const notifications = await serveInProcess(notificationApiService, notificationConfig, port);
  const replicas: StackService<NotificationApi>[] = [];
  const bus: EventBus = createEventBus({
    logger: createLogger("test-producer", "silent"),
    redisUrl: testRedisUrl(),
    namespace,
  });
  const client = (token?: string) =>
    createClient({ userApiUrl: users.url, notificationApiUrl: notifications.url, token, retries: 0 });
  let counter = 0;
  return {
    users,
    notifications,
    smtp,
    databaseUrl: notificationDb.url,
    client,
    async signUp(displayName) {
      counter += 1;
      const person = await signUp(client, {
        email: `${name}-${counter}-${randomUUID().slice(0, 6)}@example.com`,
        name: displayName ?? `Neighbour ${counter}`,
      });
      // The User API announces registrations itself; saying it here too keeps these tests about
      // this service (a repeat only refreshes the person).
      await bus.publish([registered({ id: person.id, name: person.name, email: person.email })]);
      return person;
    },
    admin: () => signIn(client, STACK_ADMIN),
    async startReplica() {
      const replica = await serveInProcess(notificationApiService, notificationConfig);
      replicas.push(replica);
      return replica;
    },
    publish: (...events) => bus.publish(events),
    async close() {
      await bus.close();
      await Promise.all(replicas.map((replica) => replica.stop().catch(() => undefined)));
      await notifications.stop().catch(() => undefined);
      await users.stop().catch(() => undefined);
      await smtp.stop();
      await Promise.all([userDb.drop(), notificationDb.drop()]);
    },
  };
}

/** Reads a person's live stream event by event (from `since`, a resume's Last-Event-ID, if given). */
export function reader(client: SharehoodClient, since?: string) {
  const controller = new AbortController();
  const events = client.notifications.stream({ signal: controller.signal, since });
  return {
    next: async (): Promise<NotificationStreamEvent> => {
      const { value, done } = await events.next();
      if (done) throw new Error("the stream ended");
      return value;
    },
    close: () => controller.abort(),
  };
}
