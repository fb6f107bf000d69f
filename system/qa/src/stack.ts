import type { InventoryApi } from "@sharehood/inventory-api/app";
import { inventoryApiService } from "@sharehood/inventory-api/service";
import type { NotificationApi } from "@sharehood/notification-api/app";
import { notificationApiService } from "@sharehood/notification-api/service";
import {
  startInProcessStack,
  startTestSmtpServer,
  type InProcessStack,
  type StackEnv,
  type StackService,
  type TestSmtpServer,
} from "@sharehood/test-stack";
import type { UserApi } from "@sharehood/user-api/app";
import { userApiService } from "@sharehood/user-api/service";

export { STACK_ADMIN as ADMIN } from "@sharehood/test-stack";

/** The three APIs, and the SMTP server the Notification API sends its email to. */
export type TestStack = InProcessStack<UserApi, InventoryApi> & {
  notifications: StackService<NotificationApi>;
  smtp: TestSmtpServer;
};

/**
 * The three real APIs in-process (`startInProcessStack`), each on a fresh database, on real ports,
 * sharing one Redis namespace, so the User and Inventory APIs' events reach the Notification API as
 * in production. Its email goes to a real SMTP server in-process, where the suites find the links
 * (unsubscribe, verification, reset) a person would click.
 */
export async function startStack(name: string, env: StackEnv = {}): Promise<TestStack> {
  const smtp = await startTestSmtpServer();
  const stack = await startInProcessStack(
    name,
    { users: userApiService, inventory: inventoryApiService, notifications: notificationApiService },
    {
      ...env,
      // Emails are picked up twice a second, so a link arrives soon after its event.
      notifications: {
        SMTP_URL: smtp.url,
        EMAIL_POLL_SECONDS: "0.5",
        // Webhook receivers in these suites listen on loopback.
        WEBHOOKS_ALLOW_PRIVATE_TARGETS: "true",
        ...env.notifications,
      },
    },
  );
  const { notifications } = stack;
  if (!notifications) throw new Error("the test stack did not start the Notification API");
  const closeStack = stack.close.bind(stack);
  return Object.assign(stack, {
    // The stack types it loosely (it runs any service); it is the Notification API started above.
    notifications: notifications as StackService<NotificationApi>,
    smtp,
    async close() {
      await closeStack();
      await smtp.stop();
    },
  });
}
