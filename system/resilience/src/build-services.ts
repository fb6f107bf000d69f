import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { inventoryApiService } from "@sharehood/inventory-api/service";
import { notificationApiService } from "@sharehood/notification-api/service";
import { userApiService } from "@sharehood/user-api/service";

const root = fileURLToPath(new URL("../../..", import.meta.url));

/**
 * The suite runs the production bundles, as deployed: build them once before any scenario. Through
 * turbo, as `npm start` builds: the Prisma clients `npm test` has just generated are not generated
 * again, the three bundles build side by side, and what is built is cached for the next build of
 * the same sources (`npm start`'s, the launcher suite's) instead of being built again there.
 */
export default function setup(): void {
  const workspaces = [userApiService, inventoryApiService, notificationApiService].map((s) => s.workspace);
  try {
    execFileSync(
      "npx",
      ["turbo", "run", "build", ...workspaces.map((w) => `--filter=${w}`), "--output-logs=errors-only"],
      { cwd: root, stdio: "pipe", encoding: "utf8" },
    );
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`building ${workspaces.join(", ")} failed:\n${stdout}${stderr}`);
  }
}
