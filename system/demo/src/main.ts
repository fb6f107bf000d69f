// The `npm run demo` entry point: the only file that reads the environment.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runDemo } from "./story.ts";

const env = process.env;

try {
  const result = await runDemo({
    userApiUrl: env.USER_API_URL ?? "http://localhost:4001",
    inventoryApiUrl: env.INVENTORY_API_URL ?? "http://localhost:4002",
    notificationApiUrl: env.NOTIFICATION_API_URL ?? "http://localhost:4003",
    smtpUrl: env.SMTP_URL || undefined,
    // Where `npm start` keeps its data (DATA_DIR, by default .data at the repository's root).
    mailDir: join(env.DATA_DIR ?? fileURLToPath(new URL("../../../.data", import.meta.url)), "mail"),
    // The embedded `npm start` seeds this admin among its demo users.
    adminEmail: env.DEMO_ADMIN_EMAIL ?? "admin@example.com",
    adminPassword: env.DEMO_ADMIN_PASSWORD ?? "sharehood-demo",
    log: (line) => console.log(line),
  });
  process.exitCode = result.ok ? 0 : 1;
} catch (error) {
  // Steps catch their own failures, so this is a bug in the demo itself.
  console.error("The demo crashed:", error);
  process.exitCode = 1;
}
