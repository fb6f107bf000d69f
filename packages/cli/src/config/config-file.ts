import { randomBytes } from "node:crypto";
import { chmod, mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

/** What `sharehood login` stores. The token is a secret: the file is readable by its owner only. */
export interface StoredConfig {
  token?: string;
  userApiUrl?: string;
  inventoryApiUrl?: string;
  notificationApiUrl?: string;
  /** Who the token belongs to, as the API answered at login (shown by `whoami` without a request). */
  user?: { id: string; email: string; name: string };
}

/** The stored configuration, or an empty one when there is none yet. */
export async function readConfig(file: string): Promise<StoredConfig> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw error;
  }
  try {
    return JSON.parse(text) as StoredConfig;
  } catch {
    throw new Error(`${file} is not valid JSON; fix it or run "sharehood login" again`);
  }
}

/**
 * Writes the configuration readable by its owner only: the folder 0700, the file 0600. The file is
 * written beside the old one and renamed over it, so it is never seen half written, and it is born
 * with its mode (there is no moment when it exists with the umask's wider permissions).
 */
export async function writeConfig(file: string, config: StoredConfig): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== "win32") await chmod(dir, 0o700);
  const temporary = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    await writeFile(temporary, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600, flag: "wx" });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Whether others than the owner may read the file (a token in it would be exposed). */
export async function isExposed(file: string): Promise<boolean> {
  if (process.platform === "win32") return false;
  try {
    return ((await stat(file)).mode & 0o077) !== 0;
  } catch {
    return false;
  }
}
