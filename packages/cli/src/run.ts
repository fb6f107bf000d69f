import { CommanderError } from "commander";
import { CliError, describeError } from "./cli-error.ts";
import { EXIT } from "./exit-codes.ts";
import type { Io } from "./io.ts";
import { buildProgram } from "./program.ts";

const HINTS: Record<string, string> = {
  unauthenticated:
    'The token was refused: it may be revoked or expired. Run "sharehood login" with a new one.',
  forbidden:
    "The token may lack the scope this needs (sharehood tokens list --email <you> shows each token's scopes).",
};

function report(io: Io, error: unknown): number {
  const { message, exitCode, code } = describeError(error);
  // A CliError already says what to do; the hints are for the API's own refusals.
  const hint = code && HINTS[code] && !(error instanceof CliError) ? `\n${HINTS[code]}` : "";
  io.stderr.write(`error${code ? ` (${code})` : ""}: ${message}${hint}\n`);
  return exitCode;
}

/** Runs one command line (without `node` and the script) and answers its exit code. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, async (command, act) => {
    try {
      const { createContext } = await import("./context.ts");
      await act(await createContext(io, Boolean(command.opts<{ json?: boolean }>().json)));
    } catch (error) {
      exitCode = report(io, error);
    }
  });
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (error) {
    if (!(error instanceof CommanderError)) return report(io, error);
    // Commander has already printed its message (and the hint to add --help).
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return EXIT.ok;
    return EXIT.usage;
  }
  return exitCode;
}
