import { Router } from "express";
import { notificationRoutes } from "@sharehood/sdk/contract";
import type { Mount } from "../auth/mount.ts";
import type { AuditLogService } from "./audit-log.service.ts";

/** `GET /admin/audit-log`: the mounter refuses a caller without `audit.read` (403) before it runs. */
export function auditLogRouter(mount: Mount, service: AuditLogService): Router {
  const router = Router();
  mount(router, notificationRoutes.listAuditLog, ({ query }) => service.list(query));
  return router;
}
