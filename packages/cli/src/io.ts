import type { Readable } from "node:stream";

/** Where a command reads and writes: the process's streams, or a test's buffers. */
export interface Io {
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  stdin: Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  env: NodeJS.ProcessEnv;
  /** Stops long-running commands (`listen`) when aborted: Ctrl-C. */
  signal?: AbortSignal;
}

/** The process's own streams and environment. */
export function processIo(signal?: AbortSignal): Io {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, signal };
}

/**
 * How wide table lines may be: the terminal's width, or `COLUMNS`; unlimited when writing to a
 * pipe or file, so that `grep` and friends see whole cells.
 */
export function outputWidth(io: Io): number {
  if (io.stdout.isTTY && io.stdout.columns) return io.stdout.columns;
  const columns = Number(io.env.COLUMNS);
  return Number.isInteger(columns) && columns > 20 ? columns : Infinity;
}
