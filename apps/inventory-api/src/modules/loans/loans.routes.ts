import { Router } from "express";
import { inventoryRoutes } from "@sharehood/sdk/contract";
import type { Mount } from "../auth/mount.ts";
import type { LoanExtensionsService } from "./loan-extensions.service.ts";
import type { LoansService } from "./loans.service.ts";

export function loansRouter(mount: Mount, loans: LoansService, extensions: LoanExtensionsService): Router {
  const router = Router();
  mount(router, inventoryRoutes.requestLoan, ({ caller, params, body }) =>
    loans.request(caller, params.id, body),
  );
  mount(router, inventoryRoutes.listLoans, ({ caller, query }) => loans.list(caller, query));
  mount(router, inventoryRoutes.listAllLoans, ({ query }) => loans.listAll(query));
  mount(router, inventoryRoutes.getLoan, ({ caller, params }) => loans.get(caller, params.id));
  mount(router, inventoryRoutes.approveLoan, ({ caller, params }) => loans.act(caller, params.id, "approve"));
  mount(router, inventoryRoutes.declineLoan, ({ caller, params }) => loans.act(caller, params.id, "decline"));
  mount(router, inventoryRoutes.handoverLoan, ({ caller, params }) =>
    loans.act(caller, params.id, "handover"),
  );
  mount(router, inventoryRoutes.returnLoan, ({ caller, params }) => loans.act(caller, params.id, "return"));
  mount(router, inventoryRoutes.cancelLoan, ({ caller, params, body }) =>
    loans.act(caller, params.id, "cancel", body?.reason),
  );
  mount(router, inventoryRoutes.requestExtension, ({ caller, params, body }) =>
    extensions.request(caller, params.id, body),
  );
  mount(router, inventoryRoutes.approveExtension, ({ caller, params }) =>
    extensions.settle(caller, params.id, "approve"),
  );
  mount(router, inventoryRoutes.declineExtension, ({ caller, params }) =>
    extensions.settle(caller, params.id, "decline"),
  );
  mount(router, inventoryRoutes.cancelExtension, ({ caller, params }) =>
    extensions.settle(caller, params.id, "cancel"),
  );
  return router;
}
