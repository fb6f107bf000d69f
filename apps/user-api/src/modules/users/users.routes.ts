import { Router } from "express";
import { userRoutes } from "@sharehood/sdk/contract";
import type { ClientAddress } from "../auth/client-address.ts";
import type { Mount } from "../auth/mount.ts";
import type { SuspensionsService } from "./suspensions.service.ts";
import type { UsersService } from "./users.service.ts";

export function usersRouter(
  mount: Mount,
  users: UsersService,
  suspensions: SuspensionsService,
  clientAddress: ClientAddress,
): Router {
  const router = Router();
  // /users/me before /users/:id, so "me" is never taken for an id. Permissions come from the contract.
  mount(router, userRoutes.getMe, ({ caller }) => users.getMe(caller));
  mount(router, userRoutes.updateMe, ({ caller, body, req }) =>
    users.updateMe(caller, body, clientAddress(req)),
  );
  mount(router, userRoutes.deleteMe, ({ caller, body, req }) =>
    users.deleteMe(caller, body, clientAddress(req)),
  );
  mount(router, userRoutes.listUsers, ({ query }) => users.list(query));
  mount(router, userRoutes.getUser, ({ params }) => users.getPublic(params.id));
  mount(router, userRoutes.updateRole, ({ caller, params, body }) =>
    users.updateRole(caller, params.id, body),
  );
  mount(router, userRoutes.deleteUser, ({ caller, params, body }) =>
    users.deleteUser(caller, params.id, body),
  );
  mount(router, userRoutes.suspendUser, ({ caller, params, body }) =>
    suspensions.suspend(caller, params.id, body),
  );
  mount(router, userRoutes.unsuspendUser, ({ caller, params, body }) =>
    suspensions.unsuspend(caller, params.id, body),
  );
  return router;
}
