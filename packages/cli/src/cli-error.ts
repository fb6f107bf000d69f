import { EXIT, exitCodeForStatus, type ExitCode } from "./exit-codes.ts";

/** A failure the CLI explains in plain words, with the exit code it ends with. */
export class CliError extends Error {
  override readonly name = "CliError";
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    /** The API problem's code or a CLI code such as `not_signed_in`. */
    readonly code?: string,
  ) {
    super(message);
  }
}

/** Thrown for a wrong command line: exits 2. */
export function usageError(message: string): CliError {
  return new CliError(message, EXIT.usage, "usage");
}

interface ApiErrorLike {
  status: number;
  code: string;
  message: string;
  problem?: { errors?: { path: string; message: string }[]; requestId?: string };
}

// Duck-typed rather than `instanceof`, so that this module does not load the SDK (and zod) before
// a command needs it: `--help` and usage errors stay quick.
function isApiError(error: unknown): error is ApiErrorLike {
  const e = error as Partial<ApiErrorLike> | null;
  return typeof e === "object" && e !== null && typeof e.status === "number" && typeof e.code === "string";
}

function isConnectionError(error: unknown): error is Error & { isTimeout?: boolean } {
  return error instanceof Error && (error.name === "ApiConnectionError" || "isTimeout" in error);
}

/** What to print and which code to exit with for any error a command threw. */
export function describeError(error: unknown): { message: string; exitCode: ExitCode; code?: string } {
  if (error instanceof CliError)
    return { message: error.message, exitCode: error.exitCode, code: error.code };
  if (isApiError(error)) {
    const fields = (error.problem?.errors ?? []).map((field) => `\n  ${field.path}: ${field.message}`);
    const requestId = error.problem?.requestId ? ` (request ${error.problem.requestId})` : "";
    return {
      message: `${error.message || `HTTP ${error.status}`}${fields.join("")}${requestId}`,
      exitCode: exitCodeForStatus(error.status),
      code: error.code,
    };
  }
  if (isConnectionError(error)) {
    return {
      message: `${error.message}. Is the API running, and are the URLs right? (sharehood whoami shows them)`,
      exitCode: EXIT.unavailable,
      code: error.isTimeout ? "timeout" : "connection_failed",
    };
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { message: `unexpected error: ${message}`, exitCode: EXIT.unexpected, code: "internal" };
}
