import { ApiError } from "@sharehood/sdk";
import { check, describeRefusal, expectRefusal } from "./outcomes.ts";
import { need, type Step } from "./steps.ts";
import type { StoryState } from "./story-state.ts";

/** Calls `attempt` until the API refuses it with 401, for up to two seconds (revocation travels). */
async function refusedSoon(attempt: () => Promise<unknown>): Promise<number> {
  const started = Date.now();
  for (;;) {
    try {
      await attempt();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return Date.now() - started;
      throw error;
    }
    check(Date.now() - started < 2_000, "the revoked token still worked two seconds later");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Olivia hands a script (a noticeboard, a spreadsheet) a personal access token that may read her
 * loans and her events feed and nothing else: it pages through her loans and catches up on her
 * events, is refused an approval, and stops working when she revokes it.
 */
export function apiAccessStep(state: StoryState): Step {
  return {
    title: "Olivia gives a script a token that may only read her loans, then revokes it",
    async run() {
      const owner = need(state.owner, "Olivia's account");
      const loan = need(state.loan, "Ben's loan");
      const created = await owner.client.tokens.create({
        body: { name: `Noticeboard script ${state.runId}`, scopes: ["loans:read", "webhooks:manage"] },
      });
      check(created.token.startsWith("shp_"), "the new token does not start with shp_");
      const script = state.clientFor(created.token);
      const loans: string[] = [];
      for await (const each of script.loans.listAll({ query: { as: "owner", limit: 2 } }))
        loans.push(each.id);
      check(loans.includes(loan.id), "the script did not find Ben's loan among Olivia's");
      const types = new Set<string>();
      for await (const event of script.events.listAll({ query: {} })) types.add(event.type);
      check(types.has("loan.requested"), "Olivia's events feed has no loan.requested");
      const refused = await expectRefusal(403, () => script.loans.approve({ params: { id: loan.id } }));
      await owner.client.tokens.revoke({ params: { id: created.id } });
      const after = await refusedSoon(() => script.loans.list({ query: { as: "owner" } }));
      return [
        `a token with loans:read and webhooks:manage (${created.prefix}…, shown once) read ${loans.length} loans and ${types.size} kinds of event (${[...types].slice(0, 4).join(", ")}…)`,
        `approving with it was ${describeRefusal(refused)}`,
        `revoked: refused with 401 ${after < 150 ? "at once" : `within ${after} ms`}`,
      ];
    },
  };
}
