import type { InProcessApi, ServiceDescriptor } from "./service-descriptor.ts";

/**
 * The APIs a Sharehood stack runs, as their apps describe them: the User and Inventory APIs, and
 * the Notification API when a test needs what the others' events become.
 */
export interface StackServices<UsersApi extends InProcessApi, InventoryApi extends InProcessApi> {
  // Their configs stay opaque: each service validates its own, the stack only hands it an environment.
  users: ServiceDescriptor<unknown, UsersApi>;
  inventory: ServiceDescriptor<unknown, InventoryApi>;
  notifications?: ServiceDescriptor<unknown, InProcessApi>;
}

/** Environment overrides per service, on top of what the stack sets. */
export interface StackEnv {
  users?: Record<string, string>;
  inventory?: Record<string, string>;
  notifications?: Record<string, string>;
}

/** The admin the User API creates at start-up in every stack. */
export const STACK_ADMIN = { email: "admin@example.com", password: "admin-password" };
