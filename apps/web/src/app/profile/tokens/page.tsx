import type { Metadata } from "next";
import type { SharehoodClient } from "@sharehood/sdk";
import { scopesForRole } from "@sharehood/sdk/contract";
import { Alert } from "@sharehood/ui/alert";
import { ApiAccessTabs } from "@/features/api-access/api-access-tabs";
import { TokenForm } from "@/features/api-access/token-form";
import { TokenList } from "@/features/api-access/token-list";
import { PageHeading } from "@/features/layout/page-heading";
import { failureFrom } from "@/server/action-result";
import { getUserClient } from "@/server/session";

export const metadata: Metadata = {
  title: "API tokens",
  description: "Personal access tokens for your own programs to use Sharehood's APIs as you.",
  robots: { index: false },
};

// My tokens, and the moment they were read: "last used 3 minutes ago" is worded from it, so the
// server's and the browser's renderings agree.
async function readTokens(client: SharehoodClient) {
  try {
    return { ok: true as const, tokens: (await client.tokens.list({})).items, now: Date.now() };
  } catch (error) {
    return failureFrom(error);
  }
}

export default async function AccessTokensPage() {
  // The profile layout sent anyone signed out to sign-in. The list is read with the session's
  // token here, on the server; the browser only ever sees a new token's secret, once.
  const session = (await getUserClient())!;
  const listed = await readTokens(session.client);
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <PageHeading
        title="API tokens"
        intro="Let your own programs use Sharehood as you: a tool library syncing its inventory, a script approving requests. Give each program its own token, with only what it needs."
      />
      <ApiAccessTabs current="/profile/tokens" />
      <section
        aria-labelledby="new-token-heading"
        className="rounded-3xl bg-white p-6 shadow-sm ring-1 ring-stone-200 sm:p-8"
      >
        <h2 id="new-token-heading" className="mb-4 text-lg font-semibold">
          New token
        </h2>
        <TokenForm scopes={scopesForRole(session.viewer.role)} />
      </section>
      {listed.ok ? (
        <TokenList tokens={listed.tokens} now={listed.now} />
      ) : (
        <Alert tone="error" title="We couldn't load your tokens">
          {listed.message}
        </Alert>
      )}
      <p className="text-sm text-stone-700">
        A token never does more than you may do: if your account loses a right, its tokens lose it at once.
        Keep tokens out of code you share; anyone holding one can act as you within its scopes.
      </p>
    </div>
  );
}
