import { randomUUID } from "node:crypto";
import { createClient, type AuthResult } from "@sharehood/sdk";
import { check, describeError, describeRefusal, expectRefusal } from "./outcomes.ts";
import { need, type Step } from "./steps.ts";
import type { StoryState } from "./story-state.ts";

export function approveOwnRequestStep(state: StoryState): Step {
  return {
    title: "Ben tries to approve his own request (only the owner may)",
    async run() {
      const borrower = need(state.borrower, "Ben's account");
      const loan = need(state.loan, "Ben's request");
      const refusal = await expectRefusal(403, () =>
        borrower.client.loans.approve({ params: { id: loan.id } }),
      );
      // The refusal must also have changed nothing.
      const after = await borrower.client.loans.get({ params: { id: loan.id } });
      check(after.status === "requested", `the loan is now "${after.status}" despite the refusal`);
      return [`${describeRefusal(refusal)}; the loan is still "requested"`];
    },
  };
}

export function editOthersItemStep(state: StoryState): Step {
  return {
    title: "Ben tries to rename Olivia's drill",
    async run() {
      const borrower = need(state.borrower, "Ben's account");
      const drill = need(state.drill, "the drill");
      const attempt = () =>
        borrower.client.items.update({ params: { id: drill.id }, body: { title: "Ben's drill now" } });
      const refusal = await expectRefusal(403, attempt);
      const after = await state.anonymous.items.get({ params: { id: drill.id } });
      check(after.title === drill.title, `the drill is now called "${after.title}" despite the refusal`);
      return [`${describeRefusal(refusal)}; it is still "${after.title}"`];
    },
  };
}

export function approveAndHandOverStep(state: StoryState): Step {
  return {
    title: "Olivia approves Ben's request and hands the drill over",
    async run() {
      const owner = need(state.owner, "Olivia's account");
      const loan = need(state.loan, "Ben's request");
      const approved = await owner.client.loans.approve({ params: { id: loan.id } });
      check(approved.status === "approved", `after approve the loan is "${approved.status}"`);
      const active = await owner.client.loans.handover({ params: { id: loan.id } });
      check(active.status === "active", `after handover the loan is "${active.status}"`);
      const history = active.events.map((event) => event.type).join(" → ");
      return [`the loan is "${active.status}" (history: ${history})`];
    },
  };
}

/** Signs in the admin named by the options; they come from the environment, so say which to fix. */
async function signInAdmin(state: StoryState): Promise<AuthResult> {
  const { adminEmail: email, adminPassword: password } = state.options;
  const hint = "check DEMO_ADMIN_EMAIL / DEMO_ADMIN_PASSWORD";
  const session = await state.anonymous.auth.login({ body: { email, password } }).catch((error: unknown) => {
    throw new Error(`the admin ${email} could not sign in (${hint}): ${describeError(error)}`);
  });
  check(
    session.user.role === "admin",
    `${email} signed in with role "${session.user.role}", not "admin" (${hint})`,
  );
  return session;
}

export function adminCancelStep(state: StoryState): Step {
  return {
    title: "An admin cancels another loan (Ben's request for the tent)",
    async run() {
      const borrower = need(state.borrower, "Ben's account");
      const tent = need(state.tent, "the tent");
      const body = { ...state.dates, message: "Could I take it camping?" };
      const loan = await borrower.client.loans.request(
        { params: { id: tent.id }, body },
        { idempotencyKey: randomUUID() },
      );
      const { adminEmail } = state.options;
      const session = await signInAdmin(state);
      const admin = state.clientFor(session.accessToken);
      const cancelled = await admin.loans.cancel({ params: { id: loan.id } });
      check(cancelled.status === "cancelled", `after cancel the loan is "${cancelled.status}"`);
      const last = cancelled.events.at(-1);
      check(last?.actorId === session.user.id, "the cancellation is not recorded as the admin's");
      return [
        `${adminEmail} cancelled loan ${loan.id}: it is "${cancelled.status}", recorded as the admin's doing`,
      ];
    },
  };
}

export function invalidTokenStep(state: StoryState): Step {
  return {
    title: "A request with an invalid token is refused",
    async run() {
      const { userApiUrl, inventoryApiUrl } = state.options;
      const forged = createClient({ userApiUrl, inventoryApiUrl, token: `forged-${state.runId}` });
      const item = {
        title: "Free stuff",
        description: "Not really",
        categoryId: "other",
        condition: "good",
      } as const;
      const inventory = await expectRefusal(401, () => forged.items.create({ body: item }));
      const users = await expectRefusal(401, () => forged.users.getMe({}));
      return [
        "both APIs refused it with 401",
        `Inventory API (list an item): ${describeRefusal(inventory)}`,
        `User API (own profile): ${describeRefusal(users)}`,
      ];
    },
  };
}
