import { hashPassword } from "../auth/passwords.ts";
import { accountEvents } from "../events/account-events.ts";
import type { UsersRepository } from "./users.repository.ts";

/** The password every demo account shares. Demo data only: never seed it in production. */
export const DEMO_PASSWORD = "sharehood-demo";

export const DEMO_USERS = [
  { email: "alice@example.com", name: "Alice Martin", role: "user" },
  { email: "bob@example.com", name: "Bob Okafor", role: "user" },
  { email: "chloe@example.com", name: "Chloé Dubois", role: "user" },
  { email: "dev@example.com", name: "Dev Patel", role: "user" },
  { email: "admin@example.com", name: "Sharehood Admin", role: "admin" },
] as const;

/**
 * Creates the demo neighbours that do not exist yet; running it twice changes nothing. The demo
 * admin, whose password is public, only on the embedded default (`withAdmin`): a database of
 * any deployment never gets an admin anyone can sign in as.
 */
export async function seedDemoUsers(
  users: UsersRepository,
  options: { withAdmin: boolean },
): Promise<string[]> {
  const created: string[] = [];
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const demo of DEMO_USERS) {
    if (demo.role === "admin" && !options.withAdmin) continue;
    if (await users.findByEmail(demo.email)) continue;
    // Demo addresses need no link to prove them. The event lets the other services know the
    // neighbour (the Notification API keeps names and addresses from user events).
    await users.create(
      { ...demo, passwordHash, emailVerifiedAt: new Date() },
      { events: (user) => [accountEvents.registered(user, null)] },
    );
    created.push(demo.email);
  }
  return created;
}
