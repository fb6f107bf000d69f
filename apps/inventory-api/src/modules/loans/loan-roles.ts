import { can, type Caller } from "../auth/caller.ts";
import type { Role } from "./lifecycle.ts";
import type { LoanRow } from "./loans.repository.ts";

/** The capacities in which the caller may act on a loan, most specific first. */
export function rolesOf(caller: Caller, loan: Pick<LoanRow, "ownerId" | "borrowerId">): Role[] {
  const roles: Role[] = [];
  if (loan.ownerId === caller.user.id && can(caller, "loan.manage.own")) roles.push("owner");
  if (loan.borrowerId === caller.user.id && can(caller, "loan.manage.own")) roles.push("borrower");
  if (can(caller, "loan.cancel.any")) roles.push("admin");
  return roles;
}
