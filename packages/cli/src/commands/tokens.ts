import type { AccessToken, Scope, SharehoodClient } from "@sharehood/sdk";
import { CliError, describeError, usageError } from "../cli-error.ts";
import type { Context } from "../context.ts";
import { EXIT } from "../exit-codes.ts";
import type { Column } from "../output/table.ts";
import { ask, readStdin } from "../prompt.ts";

/**
 * Personal access tokens are managed by a signed-in person, never by another token (no scope
 * grants it). So these commands either use the configured token when it is a session token, or,
 * with `--email`, sign in with the password for this one command and sign out after: the session
 * is never stored.
 */
export interface SessionOptions {
  email?: string;
  passwordStdin?: boolean;
}

const MANAGED_ELSEWHERE =
  "tokens are managed from the web settings page or with a signed-in session; a personal access token cannot manage tokens. Add --email <your email> to sign in with your password for this command only";

async function withSession<T>(
  context: Context,
  options: SessionOptions,
  use: (client: SharehoodClient) => Promise<T>,
): Promise<T> {
  if (!options.email) {
    try {
      return await use(context.client());
    } catch (error) {
      if (describeError(error).code === "forbidden")
        throw new CliError(MANAGED_ELSEWHERE, EXIT.auth, "forbidden");
      throw error;
    }
  }
  const password = options.passwordStdin
    ? await readStdin(context.io)
    : (context.io.env.SHAREHOOD_PASSWORD ??
      (context.io.stdin.isTTY
        ? await ask(context.io, `Password for ${options.email}: `, { secret: true })
        : undefined));
  if (!password) throw usageError("no password: type it when asked, or pipe it in with --password-stdin");
  const session = await context
    .clientWith(undefined)
    .auth.login({ body: { email: options.email, password } });
  const client = context.clientWith(session.accessToken);
  try {
    return await use(client);
  } finally {
    await client.auth.logout({}).catch(() => undefined);
  }
}

const tokenColumns: Column<AccessToken>[] = [
  { header: "ID", cell: (token) => token.id, whole: true },
  { header: "NAME", cell: (token) => token.name },
  { header: "PREFIX", cell: (token) => `${token.prefix}…` },
  { header: "SCOPES", cell: (token) => token.scopes.join(",") },
  { header: "EXPIRES", cell: (token) => token.expiresAt?.slice(0, 10) ?? "never" },
  { header: "LAST USED", cell: (token) => token.lastUsedAt?.slice(0, 16).replace("T", " ") ?? "never" },
  { header: "FROM", cell: (token) => token.lastUsedFrom },
];

/** `sharehood tokens list`. */
export async function listTokens(context: Context, options: SessionOptions): Promise<void> {
  const list = await withSession(context, options, (client) => client.tokens.list({}));
  context.table(list, tokenColumns, list.items, "No personal access tokens.");
}

export interface CreateTokenOptions extends SessionOptions {
  name: string;
  scope: string[];
  /** An ISO timestamp (already parsed from "30d", a date, …). */
  expires?: string;
}

/** `sharehood tokens create --name --scope … [--expires]`: prints the secret, this once. */
export async function createToken(context: Context, options: CreateTokenOptions): Promise<void> {
  const created = await withSession(context, options, (client) =>
    client.tokens.create({
      // The API names the allowed scopes if one is wrong.
      body: { name: options.name, scopes: options.scope as Scope[], expiresAt: options.expires ?? null },
    }),
  );
  context.result(created, () => created.token);
  if (!context.json)
    context.note(
      `Created token "${created.name}" (${created.id}) with ${created.scopes.join(", ")}; ` +
        `${created.expiresAt ? `expires ${created.expiresAt}` : "never expires"}. ` +
        "Copy it now: it is not shown again. Sign in with it: sharehood login --with-token",
    );
}

/** `sharehood tokens revoke <id>`: every service refuses it within a second. */
export async function revokeToken(context: Context, id: string, options: SessionOptions): Promise<void> {
  await withSession(context, options, (client) => client.tokens.revoke({ params: { id } }));
  context.result({ revoked: id }, () => `Revoked token ${id}.`);
}
