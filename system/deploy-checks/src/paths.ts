import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The monorepo's root folder (this package lives in system/deploy-checks). */
export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** A path inside the repository. */
export const fromRoot = (...segments: string[]): string => join(repoRoot, ...segments);
