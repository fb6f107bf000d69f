import { randomUUID } from "node:crypto";
import { createClient, type Item, type LoanDetail, type SharehoodClient } from "@sharehood/sdk";
import { dateInDays } from "./outcomes.ts";

/** Where the services are, who the admin is, and where the story is printed. */
export interface DemoOptions {
  userApiUrl: string;
  inventoryApiUrl: string;
  notificationApiUrl: string;
  /** The SMTP server the Notification API sends through, if it has one (then nothing is on disk). */
  smtpUrl: string | undefined;
  /** Where the Notification API writes emails as `.eml` files when it has no SMTP server. */
  mailDir: string;
  adminEmail: string;
  adminPassword: string;
  log: (line: string) => void;
}

/** A signed-in neighbour and an SDK client acting as them. */
export interface Neighbour {
  id: string;
  name: string;
  email: string;
  client: SharehoodClient;
}

/** What the steps share: each fills in what later ones need. */
export interface StoryState {
  options: DemoOptions;
  /** Makes this run's emails unique, so the demo can run again against the same database. */
  runId: string;
  /** A loan range a few days ahead, so requests are never in the past. */
  dates: { startDate: string; endDate: string };
  /** A client with no token: what a visitor who has not signed in uses. */
  anonymous: SharehoodClient;
  clientFor(token: string): SharehoodClient;
  owner?: Neighbour;
  borrower?: Neighbour;
  drill?: Item;
  tent?: Item;
  loan?: LoanDetail;
}

export function createStoryState(options: DemoOptions): StoryState {
  const clientFor = (token?: string) =>
    createClient({
      userApiUrl: options.userApiUrl,
      inventoryApiUrl: options.inventoryApiUrl,
      notificationApiUrl: options.notificationApiUrl,
      token,
    });
  return {
    options,
    runId: randomUUID().slice(0, 8),
    dates: { startDate: dateInDays(3), endDate: dateInDays(5) },
    anonymous: clientFor(),
    clientFor,
  };
}

const DEMO_PASSWORD = "a long demo password";

/** Registers a neighbour with a fresh email, then logs in the way they would next time. */
export async function signUp(state: StoryState, name: string, role: string): Promise<Neighbour> {
  const email = `demo-${role}-${state.runId}@example.com`;
  await state.anonymous.auth.register({ body: { email, password: DEMO_PASSWORD, name } });
  const session = await state.anonymous.auth.login({ body: { email, password: DEMO_PASSWORD } });
  return { id: session.user.id, name, email, client: state.clientFor(session.accessToken) };
}
