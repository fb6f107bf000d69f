import { ACCESS_TOKEN_PREFIX, createClient } from "@sharehood/sdk";
import { CliError, describeError, usageError } from "../cli-error.ts";
import { writeConfig } from "../config/config-file.ts";
import { resolveUrls, type ApiUrls } from "../config/settings.ts";
import type { Context } from "../context.ts";
import { EXIT } from "../exit-codes.ts";
import { ask, readStdin } from "../prompt.ts";

export interface LoginOptions {
  token?: string;
  withToken?: boolean;
  baseUrl?: string;
  userApi?: string;
  inventoryApi?: string;
  notificationApi?: string;
}

function urlsFrom(context: Context, options: LoginOptions): ApiUrls {
  const current = resolveUrls(context.io.env, context.settings.stored);
  const base = options.baseUrl;
  const urls = {
    userApiUrl: options.userApi ?? base ?? current.userApiUrl,
    inventoryApiUrl: options.inventoryApi ?? base ?? current.inventoryApiUrl,
    notificationApiUrl: options.notificationApi ?? base ?? current.notificationApiUrl,
  };
  for (const url of Object.values(urls)) {
    if (!/^https?:\/\/[^/]/.test(url)) throw usageError(`not an http(s) URL: ${url}`);
  }
  return urls;
}

async function tokenFrom(context: Context, options: LoginOptions): Promise<string> {
  if (options.token !== undefined && options.withToken)
    throw usageError("give the token with --token or on stdin with --with-token, not both");
  if (options.token !== undefined) return options.token.trim();
  if (options.withToken) return readStdin(context.io);
  if (!context.io.stdin.isTTY)
    throw usageError("no token: pass --token <token>, or pipe it in with --with-token");
  return ask(context.io, "Personal access token (shp_…, made on the web settings page): ", { secret: true });
}

/** `sharehood login`: checks a token with GET /users/me and stores it with the API addresses. */
export async function login(context: Context, options: LoginOptions): Promise<void> {
  const urls = urlsFrom(context, options);
  const token = await tokenFrom(context, options);
  if (!token) throw usageError("the token is empty");
  let user;
  try {
    user = await createClient({ ...urls, token }).users.getMe({});
  } catch (error) {
    const { message, exitCode, code } = describeError(error);
    if (exitCode === EXIT.auth) throw new CliError(`the API refused this token: ${message}`, exitCode, code);
    throw new CliError(`could not check the token at ${urls.userApiUrl}: ${message}`, exitCode, code);
  }
  const saved = { id: user.id, email: user.email, name: user.name };
  await writeConfig(context.settings.file, { ...context.settings.stored, ...urls, token, user: saved });
  if (!token.startsWith(ACCESS_TOKEN_PREFIX))
    context.note(
      `warning: this is not a personal access token (${ACCESS_TOKEN_PREFIX}…); a session token stops working within minutes`,
    );
  if (context.io.env.SHAREHOOD_TOKEN)
    context.note("note: SHAREHOOD_TOKEN is set and is used instead of the saved token");
  context.result({ user: saved, configFile: context.settings.file, ...urls }, () =>
    [
      `Signed in as ${user.name} <${user.email}>.`,
      `Token saved to ${context.settings.file} (readable only by you).`,
    ].join("\n"),
  );
}

/** `sharehood logout`: forgets the saved token (it keeps working until revoked). */
export async function logout(context: Context): Promise<void> {
  const { token, user: _user, ...rest } = context.settings.stored;
  if (token) await writeConfig(context.settings.file, rest);
  if (context.io.env.SHAREHOOD_TOKEN) context.note("note: SHAREHOOD_TOKEN is still set in your environment");
  context.result({ signedOut: Boolean(token), configFile: context.settings.file }, () =>
    token
      ? [
          `Forgot the token saved in ${context.settings.file}.`,
          "It still works until it is revoked: on the web settings page, or with sharehood tokens revoke <id> --email <you>.",
        ].join("\n")
      : "Not signed in; nothing to forget.",
  );
}

/** `sharehood whoami`: who the token acts for, and where the APIs are. */
export async function whoami(context: Context): Promise<void> {
  const me = await context.client().users.getMe({});
  const { settings } = context;
  const token = { source: settings.tokenSource, prefix: settings.token?.slice(0, 8) };
  context.fields(
    {
      user: me,
      token,
      userApiUrl: settings.userApiUrl,
      inventoryApiUrl: settings.inventoryApiUrl,
      notificationApiUrl: settings.notificationApiUrl,
      configFile: settings.file,
    },
    [
      ["Name", me.name],
      ["Email", me.email],
      ["Id", me.id],
      ["Role", me.role],
      [
        "Token",
        `${token.prefix}… (from ${settings.tokenSource === "config" ? settings.file : "SHAREHOOD_TOKEN"})`,
      ],
      ["User API", settings.userApiUrl],
      ["Inventory API", settings.inventoryApiUrl],
      ["Notification API", settings.notificationApiUrl],
    ],
  );
}
