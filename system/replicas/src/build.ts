import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { inventoryApiService } from "@sharehood/inventory-api/service";
import { notificationApiService } from "@sharehood/notification-api/service";
import { buildBundles, type ServiceDescriptor } from "@sharehood/test-stack";
import { userApiService } from "@sharehood/user-api/service";
import { buildWeb, WEB_BUILD_ID } from "./web.ts";

const root = fileURLToPath(new URL("../../..", import.meta.url));

/** The newest modification time of any file under `dir` (generated code and builds aside). */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "dist" || entry.name === "generated") continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** Whether a service's bundle is older than its sources, server-kit's or the SDK's (or missing). */
function stale(service: ServiceDescriptor): boolean {
  if (!existsSync(service.bundle)) return true;
  const app = dirname(dirname(service.bundle));
  const sources = [
    join(app, "src"),
    join(app, "prisma"),
    join(root, "packages/server-kit/src"),
    join(root, "packages/sdk/src"),
  ];
  return Math.max(...sources.map(newest)) > statSync(service.bundle).mtimeMs;
}

/**
 * The suite runs the production bundles and the web app's production build, as deployed. A
 * bundle older than its sources is built again (a minute on two busy cores for the three, so not
 * on every run); the web app is built only when it has no build at all, as the end-to-end suite
 * does (`npm test` shares one build between the two).
 */
export default function setup(): void {
  const services = [userApiService, inventoryApiService, notificationApiService] as ServiceDescriptor[];
  buildBundles(services.filter(stale));
  if (!existsSync(WEB_BUILD_ID)) buildWeb();
}
