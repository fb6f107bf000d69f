import { Router } from "express";
import { userRoutes } from "@sharehood/sdk/contract";
import type { Mount } from "../auth/mount.ts";
import type { UsersService } from "./users.service.ts";

export function usersRouter(mount: Mount, users: UsersService): Router {
  const router = Router();
  // /users/me before /users/:id, so "me" is never taken for an id. Permissions come from the contract.
  mount(router, userRoutes.getMe, ({ caller }) => users.getMe(caller));
  mount(router, userRoutes.updateMe, ({ caller, body }) => users.updateMe(caller, body));
  mount(router, userRoutes.deleteMe, ({ caller }) => users.deleteMe(caller));
  mount(router, userRoutes.listUsers, ({ query }) => users.list(query));
  mount(router, userRoutes.getUser, ({ params }) => users.getPublic(params.id));
  mount(router, userRoutes.updateRole, ({ params, body }) => users.updateRole(params.id, body.role));
  mount(router, userRoutes.deleteUser, ({ params }) => users.deleteUser(params.id));
  return router;
}
