import { createClient, type SharehoodClient } from "@sharehood/sdk";
import { CliError } from "./cli-error.ts";
import { loadSettings, type Settings } from "./config/settings.ts";
import { EXIT } from "./exit-codes.ts";
import { outputWidth, type Io } from "./io.ts";
import { renderFields, renderTable, type Column } from "./output/table.ts";

/** What every command works with: where to print, the settings, and SDK clients. */
export interface Context {
  io: Io;
  settings: Settings;
  /** `--json`: one JSON document on stdout and nothing else there. */
  json: boolean;
  /** A client acting with the configured token; exits 3 when there is none. */
  client(): SharehoodClient;
  /** A client acting with `token`, or with none (public reads). */
  clientWith(token: string | undefined): SharehoodClient;
  /** Prints the JSON document (with `--json`) or the text for people. */
  result(value: unknown, text: () => string): void;
  /** A table for people, or the JSON document. */
  table<Row>(value: unknown, columns: Column<Row>[], rows: Row[], empty: string): void;
  /** `label: value` lines for people, or the JSON document. */
  fields(value: unknown, fields: [string, string | number | null | undefined][], extra?: string): void;
  /** A remark for people, on stderr so it never mixes with what scripts read. */
  note(text: string): void;
}

const USER_AGENT = "sharehood-cli/0.1.0";

/** Builds the context of one command run. */
export async function createContext(io: Io, json: boolean): Promise<Context> {
  const settings = await loadSettings(io.env);
  const width = outputWidth(io);
  const clientWith = (token: string | undefined) =>
    createClient({
      userApiUrl: settings.userApiUrl,
      inventoryApiUrl: settings.inventoryApiUrl,
      notificationApiUrl: settings.notificationApiUrl,
      token,
      headers: { "user-agent": USER_AGENT },
    });
  const print = (text: string) => io.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
  const context: Context = {
    io,
    settings,
    json,
    clientWith,
    client() {
      if (!settings.token)
        throw new CliError(
          'not signed in: run "sharehood login", or set SHAREHOOD_TOKEN',
          EXIT.auth,
          "not_signed_in",
        );
      return clientWith(settings.token);
    },
    result(value, text) {
      print(json ? JSON.stringify(value, null, 2) : text());
    },
    table(value, columns, rows, empty) {
      context.result(value, () => (rows.length === 0 ? empty : renderTable(columns, rows, width)));
    },
    fields(value, list, extra) {
      context.result(value, () => renderFields(list, width) + (extra ? `\n\n${extra}` : ""));
    },
    note(text) {
      io.stderr.write(`${text}\n`);
    },
  };
  if (settings.exposed)
    context.note(`warning: ${settings.file} is readable by other users; run: chmod 600 "${settings.file}"`);
  return context;
}
