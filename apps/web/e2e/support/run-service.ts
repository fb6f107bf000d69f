// Starts one service of the end-to-end stack, building it first when it has never been built
// (`npm test` through turbo builds everything beforehand). Playwright runs it through tsx
// (`node --import tsx`) and stops it with a signal, which reaches the service.
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { inventoryApiService } from "@sharehood/inventory-api/service";
import { notificationApiService } from "@sharehood/notification-api/service";
import { recreateDatabases, runInForeground, type ServiceDescriptor } from "@sharehood/test-stack";
import { userApiService } from "@sharehood/user-api/service";
import { E2E_DATABASES, E2E_POSTGRES_URL } from "./stack.ts";

const webDir = fileURLToPath(new URL("../..", import.meta.url));
const api = (service: ServiceDescriptor) => ({
  workspace: service.workspace,
  built: service.bundle,
  entry: service.bundle,
  cwd: dirname(dirname(service.bundle)),
});
const services = {
  "user-api": api(userApiService),
  "inventory-api": api(inventoryApiService),
  "notification-api": api(notificationApiService),
  web: {
    workspace: "@sharehood/web",
    built: `${webDir}.next/BUILD_ID`,
    entry: `${webDir}scripts/start.mjs`,
    cwd: webDir,
  },
};

const service = process.argv[2];
if (!(service && service in services)) {
  console.error(`usage: run-service.ts ${Object.keys(services).join("|")}`);
  process.exit(2);
}
// The User API starts first: it gives the suite fresh databases, which each API migrates on start.
if (service === "user-api") {
  await recreateDatabases(E2E_POSTGRES_URL, Object.values(E2E_DATABASES));
  console.log(`e2e: fresh databases ${Object.values(E2E_DATABASES).join(", ")}`);
}
runInForeground(services[service as keyof typeof services]);
