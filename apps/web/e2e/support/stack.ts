// Where the end-to-end stack listens and what it runs against. Ports differ from the defaults
// so a suite can run next to `npm start` on the same machine.
export const WEB_PORT = Number(process.env.E2E_WEB_PORT ?? 3100);
export const USER_API_PORT = Number(process.env.E2E_USER_API_PORT ?? 4101);
export const INVENTORY_API_PORT = Number(process.env.E2E_INVENTORY_API_PORT ?? 4102);
export const NOTIFICATION_API_PORT = Number(process.env.E2E_NOTIFICATION_API_PORT ?? 4103);

/** A second web process on the same APIs and Redis, as a second replica would be. */
export const WEB_2_PORT = Number(process.env.E2E_WEB_2_PORT ?? 3101);

/**
 * Where every process of the stack sends its spans (OTLP/HTTP). Nothing listens there but the
 * tracing spec's receiver, and nothing is sent but the traces that spec starts: the stack samples
 * no trace of its own (ratio 0) and follows a sampled `traceparent`.
 */
export const OTLP_PORT = Number(process.env.E2E_OTLP_PORT ?? 4118);
export const OTLP_URL = `http://127.0.0.1:${OTLP_PORT}`;

export const WEB_URL = `http://127.0.0.1:${WEB_PORT}`;
export const WEB_2_URL = `http://127.0.0.1:${WEB_2_PORT}`;
export const USER_API_URL = `http://127.0.0.1:${USER_API_PORT}`;
export const INVENTORY_API_URL = `http://127.0.0.1:${INVENTORY_API_PORT}`;
export const NOTIFICATION_API_URL = `http://127.0.0.1:${NOTIFICATION_API_PORT}`;
/**
 * The Inventory API's PUBLIC_URL, which its photo URLs start with. Browsers get photos through the
 * web app's own origin (/photos/...), so this is an address no browser can reach: a page that
 * still linked it would show no picture, and the photo tests would fail.
 */
export const INVENTORY_PUBLIC_URL = `http://inventory.invalid:${INVENTORY_API_PORT}`;

/** The PostgreSQL server the suite creates its databases on (local only). */
export const E2E_POSTGRES_URL =
  process.env.E2E_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
export const E2E_REDIS_URL = process.env.E2E_REDIS_URL ?? "redis://127.0.0.1:6379";

/** The first admin, created by the User API at start-up. */
export const ADMIN = { email: "admin@sharehood.test", password: "admin-e2e-password", name: "Admin" };

// Short-lived access tokens make every longer flow exercise the web app's token refresh.
export const ACCESS_TOKEN_TTL_SECONDS = 12;
export const AUTH_REFRESH_MARGIN_SECONDS = 8;

/**
 * The User API's limits on failed sign-ins, low enough for a test to reach. Each browser context
 * without its own X-Forwarded-For counts as 127.0.0.1, and the whole suite fails a few sign-ins.
 */
export const LOGIN_MAX_FAILURES_PER_EMAIL = 5;
export const LOGIN_MAX_FAILURES_PER_IP = 10;

function databaseUrl(name: string): string {
  const url = new URL(E2E_POSTGRES_URL);
  url.pathname = `/${name}`;
  return url.toString();
}
/**
 * The suite's databases, dropped and created afresh when the User API starts (run-service.ts). A
 * second run on the same machine at the same time needs its own prefix (and its own E2E_*_PORTs).
 */
const DATABASE_PREFIX = process.env.E2E_DATABASE_PREFIX ?? "sharehood_e2e";
export const E2E_DATABASES = {
  users: `${DATABASE_PREFIX}_users`,
  inventory: `${DATABASE_PREFIX}_inventory`,
  notifications: `${DATABASE_PREFIX}_notifications`,
};
export const USERS_DATABASE_URL = databaseUrl(E2E_DATABASES.users);
export const INVENTORY_DATABASE_URL = databaseUrl(E2E_DATABASES.inventory);
export const NOTIFICATIONS_DATABASE_URL = databaseUrl(E2E_DATABASES.notifications);
