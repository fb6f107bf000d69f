import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { Logger } from "@sharehood/server-kit";

/**
 * The secret unsubscribe links are signed with: NOTIFICATION_SIGNING_SECRET, or (where the
 * environment lets it be unset: the embedded default, development, tests) one generated on the first
 * start and kept at `file`, so links in emails already sent keep working after a restart.
 */
export async function resolveSigningSecret(options: {
  configured: string | undefined;
  file: string;
  logger: Logger;
}): Promise<string> {
  if (options.configured) return options.configured;
  const kept = await readFile(options.file, "utf8").then(
    (text) => text.trim(),
    () => undefined,
  );
  if (kept !== undefined && kept.length >= 32) return kept;
  if (kept)
    throw new Error(
      `${options.file} does not hold a secret of 32+ characters: delete it to have one generated`,
    );
  const secret = randomBytes(32).toString("base64url");
  await mkdir(dirname(options.file), { recursive: true });
  // `wx`: when two processes race on the first start, one writes and both then read its secret.
  await writeFile(options.file, `${secret}\n`, { mode: 0o600, flag: "wx" }).catch(() => undefined);
  options.logger.info(
    { file: options.file },
    "no NOTIFICATION_SIGNING_SECRET: generated one for unsubscribe links",
  );
  return (await readFile(options.file, "utf8")).trim();
}
