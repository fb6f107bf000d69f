import { createInterface } from "node:readline";
import { usageError } from "./cli-error.ts";
import type { Io } from "./io.ts";

/** Everything on stdin, trimmed (`--with-token`, `--password-stdin`). */
export async function readStdin(io: Io): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8").trim();
}

/**
 * Asks a question on the terminal. With `secret`, what is typed is not echoed (a token, a
 * password). The question goes to stderr so stdout stays clean for `--json`.
 */
export async function ask(io: Io, question: string, options: { secret?: boolean } = {}): Promise<string> {
  const output = io.stderr as NodeJS.WritableStream;
  const rl = createInterface({ input: io.stdin, output, terminal: true });
  if (options.secret) {
    // readline echoes through _writeToOutput; say the question once, then swallow the echo.
    const internals = rl as unknown as { _writeToOutput: (text: string) => void };
    let asked = false;
    internals._writeToOutput = (text: string) => {
      if (!asked || text.includes("\n")) output.write(asked ? "\n" : text);
      asked = true;
    };
  }
  try {
    return await new Promise<string>((resolve, reject) => {
      rl.question(question, (answer) => resolve(answer.trim()));
      rl.once("close", () => reject(usageError("no answer: the input closed")));
    });
  } finally {
    rl.close();
  }
}
