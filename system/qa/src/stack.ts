import type { InventoryApi } from "@sharehood/inventory-api/app";
import { inventoryApiService } from "@sharehood/inventory-api/service";
import { startInProcessStack, type InProcessStack, type StackEnv } from "@sharehood/test-stack";
import type { UserApi } from "@sharehood/user-api/app";
import { userApiService } from "@sharehood/user-api/service";

export { STACK_ADMIN as ADMIN } from "@sharehood/test-stack";

export type TestStack = InProcessStack<UserApi, InventoryApi>;

/** Both real APIs in-process, each on a fresh database, on real ports (`startInProcessStack`). */
export function startStack(name: string, env: StackEnv = {}): Promise<TestStack> {
  return startInProcessStack(name, { users: userApiService, inventory: inventoryApiService }, env);
}
