import { homedir } from "node:os";
import { join } from "node:path";

/**
 * The folder the CLI keeps its configuration in: `SHAREHOOD_CONFIG_DIR` when set (tests, several
 * accounts), else the platform's place for it: `$XDG_CONFIG_HOME/sharehood` or
 * `~/.config/sharehood` on Linux and other Unixes, `~/Library/Application Support/sharehood` on
 * macOS, `%APPDATA%\sharehood` on Windows.
 */
export function configDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.SHAREHOOD_CONFIG_DIR) return env.SHAREHOOD_CONFIG_DIR;
  if (platform === "win32") return join(env.APPDATA ?? join(home, "AppData", "Roaming"), "sharehood");
  if (platform === "darwin") return join(home, "Library", "Application Support", "sharehood");
  return join(env.XDG_CONFIG_HOME || join(home, ".config"), "sharehood");
}

/** The configuration file inside {@link configDir}. */
export function configFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(configDir(env), "config.json");
}
