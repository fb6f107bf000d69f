import { Router } from "express";
import { inventoryRoutes } from "@sharehood/sdk/contract";
import { bearerToken } from "@sharehood/server-kit";
import type { Mount } from "../auth/mount.ts";
import type { ReportsService } from "./reports.service.ts";
import type { ResolveReport } from "./resolve-report.service.ts";

/** Reports (anyone signed in) and the moderation queue (`report.manage`, checked by the mounter). */
export function reportsRouter(mount: Mount, reports: ReportsService, resolve: ResolveReport): Router {
  const router = Router();
  mount(router, inventoryRoutes.createReport, ({ caller, body }) => reports.create(caller, body));
  mount(router, inventoryRoutes.listReports, ({ query }) => reports.list(query));
  mount(router, inventoryRoutes.getReport, ({ params }) => reports.get(params.id));
  // A suspension is asked of the User API with the admin's own token (it checks their right).
  mount(router, inventoryRoutes.resolveReport, ({ caller, params, body, req }) =>
    resolve(caller, bearerToken(req), params.id, body),
  );
  return router;
}
