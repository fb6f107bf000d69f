import { Command, Option } from "commander";
import type { CreateItemOptions } from "./commands/items.ts";
import type { CreateTokenOptions } from "./commands/tokens.ts";
import type { Context } from "./context.ts";
import type { Io } from "./io.ts";
import type { ListenOptions } from "./listen/listen.ts";
import { collect, parseExpiry, parseLimit, parsePoint, parsePositive } from "./options.ts";

// The command tree. Each action loads its module only when it runs, so `--help` and usage errors
// answer at once, without loading the SDK and the contract's schemas.

type Run = (command: Command, act: (context: Context) => Promise<void>) => Promise<void>;

/** `--json` on every command that prints something. */
function leaf(command: Command): Command {
  return command.option("--json", "print one JSON document on stdout (for scripts)");
}

function pageOptions(command: Command): Command {
  return command
    .option("--limit <n>", "how many per page, 1 to 100 (default 20)", parseLimit)
    .option("--cursor <cursor>", "continue after a previous page")
    .option("--all", "every page, not just the first");
}

const sessionHelp = "sign in with this email and your password for this command only (tokens need a session)";

function itemsCommands(program: Command, run: Run): void {
  const items = program.command("items").description("browse, search, show and list items");
  const listOptions = (command: Command) =>
    pageOptions(
      leaf(command)
        .option("--category <id>", "only this category (tools, garden, kitchen, …)")
        .option("--near <lat,lng>", "only items near this point, nearest first", parsePoint)
        .option("--radius <km>", "with --near: how far (default 10 km)", parsePositive)
        .option("--owner <userId>", "only this person's items")
        .addOption(new Option("--sort <order>", "newest, title, relevance (with a query) or distance")),
    );
  listOptions(items.command("list").description("list items, newest first"))
    .option("--q <text>", "full-text search over titles and descriptions")
    .action((options: Record<string, unknown>, command: Command) =>
      run(command, async (context) => {
        const { listItems } = await import("./commands/items.ts");
        await listItems(context, options);
      }),
    );
  listOptions(items.command("search").description("search items (typos are forgiven)"))
    .argument("<query>", "words to look for")
    .action((query: string, options: Record<string, unknown>, command: Command) =>
      run(command, async (context) => {
        const { listItems } = await import("./commands/items.ts");
        await listItems(context, { ...options, q: query });
      }),
    );
  leaf(items.command("show").description("one item, with its booked dates"))
    .argument("<id>", "the item's id")
    .action((id: string, _options: unknown, command: Command) =>
      run(command, async (context) => {
        const { showItem } = await import("./commands/items.ts");
        await showItem(context, id);
      }),
    );
  leaf(items.command("create").description("list an item as yourself (scope items:write)"))
    .requiredOption("--title <text>", "what it is")
    .requiredOption("--description <text>", "a few words about it")
    .requiredOption("--category <id>", "its category (tools, garden, kitchen, …)")
    .option("--condition <word>", "new, like_new, good, fair or worn", "good")
    .option("--location <text>", "where to pick it up, in words")
    .option("--position <lat,lng>", "where it is (stored rounded to about 250 m)", parsePoint)
    .action((options: CreateItemOptions, command: Command) =>
      run(command, async (context) => {
        const { createItem } = await import("./commands/items.ts");
        await createItem(context, options);
      }),
    );
}

function loansCommands(program: Command, run: Run): void {
  const loans = program.command("loans").description("your loans: list, approve, decline");
  pageOptions(leaf(loans.command("list").description("your loans, newest first (scope loans:read)")))
    .option("--role <role>", "borrower (things you borrow) or owner (requests for your things)")
    .option("--status <status>", "requested, approved, active, returned, declined, cancelled or expired")
    .action((options: Record<string, unknown>, command: Command) =>
      run(command, async (context) => {
        const { listLoans } = await import("./commands/loans.ts");
        await listLoans(context, options);
      }),
    );
  leaf(loans.command("approve").description("approve a request for your item (scope loans:write)"))
    .argument("<id>", "the loan's id")
    .action((id: string, _options: unknown, command: Command) =>
      run(command, async (context) => {
        const { approveLoan } = await import("./commands/loans.ts");
        await approveLoan(context, id);
      }),
    );
  leaf(loans.command("decline").description("decline a request for your item (scope loans:write)"))
    .argument("<id>", "the loan's id")
    .option("--reason <text>", "told to the borrower in the loan's thread (scope messages:write)")
    .action((id: string, options: { reason?: string }, command: Command) =>
      run(command, async (context) => {
        const { declineLoan } = await import("./commands/loans.ts");
        await declineLoan(context, id, options);
      }),
    );
}

function tokensCommands(program: Command, run: Run): void {
  const tokens = program
    .command("tokens")
    .description("your personal access tokens (managed with a session: add --email)");
  const session = (command: Command) =>
    leaf(command)
      .option("--email <email>", sessionHelp)
      .option("--password-stdin", "with --email: read the password from stdin");
  session(tokens.command("list").description("your tokens (never their secrets)")).action(
    (options: Record<string, unknown>, command: Command) =>
      run(command, async (context) => {
        const { listTokens } = await import("./commands/tokens.ts");
        await listTokens(context, options);
      }),
  );
  session(tokens.command("create").description("make a token for a program; prints its secret once"))
    .requiredOption("--name <name>", "what it is for")
    .requiredOption(
      "--scope <scope>",
      "a scope (repeat, or separate with commas): items:write, loans:read, loans:write, messages:read, messages:write, webhooks:manage, profile:write, admin",
      collect,
    )
    .option("--expires <when>", 'a date (2026-12-31) or days from now ("30d"); default never', (value) =>
      parseExpiry(value),
    )
    .action((options: CreateTokenOptions, command: Command) =>
      run(command, async (context) => {
        const { createToken } = await import("./commands/tokens.ts");
        await createToken(context, options);
      }),
    );
  session(tokens.command("revoke").description("stop a token working, everywhere, within a second"))
    .argument("<id>", "the token's id (from tokens list)")
    .action((id: string, options: Record<string, unknown>, command: Command) =>
      run(command, async (context) => {
        const { revokeToken } = await import("./commands/tokens.ts");
        await revokeToken(context, id, options);
      }),
    );
}

function webhooksCommands(program: Command, run: Run): void {
  const webhooks = program.command("webhooks").description("your webhook endpoints (scope webhooks:manage)");
  const load = () => import("./commands/webhooks.ts");
  leaf(webhooks.command("list").description("your endpoints")).action((_options: unknown, command: Command) =>
    run(command, async (context) => (await load()).listWebhooks(context)),
  );
  leaf(webhooks.command("create").description("register an endpoint; prints its signing secret once"))
    .requiredOption("--url <url>", "where to POST events")
    .option(
      "--event <type>",
      'an event type such as loan.requested (repeat, or commas); default "*" (all)',
      collect,
    )
    .action((options: { url: string; event?: string[] }, command: Command) =>
      run(command, async (context) => (await load()).createWebhook(context, options)),
    );
  leaf(webhooks.command("delete").description("remove an endpoint"))
    .argument("<id>", "the webhook's id")
    .action((id: string, _options: unknown, command: Command) =>
      run(command, async (context) => (await load()).deleteWebhook(context, id)),
    );
  pageOptions(leaf(webhooks.command("deliveries").description("an endpoint's delivery log, newest first")))
    .argument("<id>", "the webhook's id")
    .action((id: string, options: Record<string, unknown>, command: Command) =>
      run(command, async (context) => (await load()).listDeliveries(context, id, options)),
    );
  leaf(webhooks.command("redeliver").description("send one delivery's event again, now"))
    .argument("<id>", "the webhook's id")
    .argument("<deliveryId>", "the delivery's id (from webhooks deliveries)")
    .action((id: string, deliveryId: string, _options: unknown, command: Command) =>
      run(command, async (context) => (await load()).redeliver(context, id, deliveryId)),
    );
}

function sessionCommands(program: Command, run: Run): void {
  leaf(program.command("login").description("save a personal access token and the API addresses"))
    .option("--token <token>", "the token (shp_…); prefer --with-token, which keeps it out of shell history")
    .option("--with-token", "read the token from stdin")
    .option("--base-url <url>", "one address serving every API (behind a gateway)")
    .option("--user-api <url>", "the User API (default http://localhost:4001)")
    .option("--inventory-api <url>", "the Inventory API (default http://localhost:4002)")
    .option("--notification-api <url>", "the Notification API (default http://localhost:4003)")
    .action((options: Record<string, unknown>, command: Command) =>
      run(command, async (context) => (await import("./commands/session.ts")).login(context, options)),
    );
  leaf(program.command("logout").description("forget the saved token")).action(
    (_options: unknown, command: Command) =>
      run(command, async (context) => (await import("./commands/session.ts")).logout(context)),
  );
  leaf(program.command("whoami").description("who the token acts for, and where the APIs are")).action(
    (_options: unknown, command: Command) =>
      run(command, async (context) => (await import("./commands/session.ts")).whoami(context)),
  );
}

function feedCommands(program: Command, run: Run): void {
  const events = program.command("events").description("your events feed (scope webhooks:manage)");
  pageOptions(
    leaf(events.command("list").description("your events, oldest first; --cursor continues")),
  ).action((options: Record<string, unknown>, command: Command) =>
    run(command, async (context) => (await import("./commands/events.ts")).listEvents(context, options)),
  );
  leaf(
    program
      .command("listen")
      .description("follow your events and forward each, signed, to a local URL (webhook development)"),
  )
    .requiredOption("--forward-to <url>", "where to POST each event, such as http://localhost:8080/hook")
    .option("--events <types>", "only these event types, comma-separated", collect)
    .option("--secret <whsec>", "sign with this secret (default: a new one, printed at start)")
    .option("--since-cursor <cursor>", "start after this cursor instead of now")
    .option("--interval <seconds>", "how often to poll an idle feed (default 2)", parsePositive)
    .action((options: ListenOptions, command: Command) =>
      run(command, async (context) => (await import("./listen/listen.ts")).listen(context, options)),
    );
}

/** The whole `sharehood` command line, writing through `io`; `run` executes an action. */
export function buildProgram(io: Io, run: Run): Command {
  const program = new Command("sharehood")
    .description("Sharehood from the command line: items, loans, tokens, webhooks and events")
    .version("0.1.0")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .showHelpAfterError("(add --help for usage)")
    .addHelpText(
      "after",
      "\nExit codes: 0 ok, 1 unexpected, 2 usage, 3 not signed in or token refused, 4 not found,\n" +
        "5 conflict or refused, 6 API unreachable or unavailable. Configuration: sharehood whoami.",
    );
  sessionCommands(program, run);
  itemsCommands(program, run);
  loansCommands(program, run);
  tokensCommands(program, run);
  webhooksCommands(program, run);
  feedCommands(program, run);
  return program;
}
