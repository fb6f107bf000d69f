import {
  createClient,
  type CreateItemBody,
  type Item,
  type Loan,
  type SharehoodClient,
} from "@sharehood/sdk";

/** An SDK client for both APIs of one stack, acting with `token` when given. */
export type Connect = (token?: string) => SharehoodClient;

/** The `Connect` for a stack at these addresses. */
export function connectTo({
  userApiUrl,
  inventoryApiUrl,
  notificationApiUrl,
}: {
  userApiUrl: string;
  inventoryApiUrl: string;
  notificationApiUrl?: string;
}): Connect {
  // No retries: tests assert the status each request was answered with, 429s and 503s included.
  return (token) => createClient({ userApiUrl, inventoryApiUrl, notificationApiUrl, token, retries: 0 });
}

/** Someone signed in, with an SDK client acting as them. */
export interface SignedIn {
  id: string;
  email: string;
  token: string;
  refreshToken: string;
  client: SharehoodClient;
}

/** Someone `signUp` registered. */
export interface Neighbour extends SignedIn {
  name: string;
  password: string;
}

/** Every neighbour `signUp` creates has this password unless told otherwise. */
export const NEIGHBOUR_PASSWORD = "password123";

/** Registers someone through the User API and answers them signed in. */
export async function signUp(
  connect: Connect,
  person: { email: string; name: string; password?: string },
): Promise<Neighbour> {
  const password = person.password ?? NEIGHBOUR_PASSWORD;
  const result = await connect().auth.register({ body: { ...person, password } });
  return {
    ...signedIn(connect, result),
    email: person.email,
    name: person.name,
    password,
  };
}

/** Signs an existing account in (the seeded admin, a demo neighbour). */
export async function signIn(
  connect: Connect,
  credentials: { email: string; password: string },
): Promise<SignedIn> {
  return signedIn(connect, await connect().auth.login({ body: credentials }));
}

function signedIn(
  connect: Connect,
  tokens: { accessToken: string; refreshToken: string; user: { id: string; email: string } },
): SignedIn {
  return {
    id: tokens.user.id,
    email: tokens.user.email,
    token: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    client: connect(tokens.accessToken),
  };
}

let itemCounter = 0;

/** A valid item body; titles are unique so searches in one test do not see another's items. */
export function newItem(overrides: Partial<CreateItemBody> = {}): CreateItemBody {
  itemCounter += 1;
  return {
    title: `Cordless drill ${itemCounter}`,
    description: "An 18V drill with two batteries and a case of bits.",
    categoryId: "tools",
    condition: "good",
    location: "Elm Street",
    ...overrides,
  };
}

/** Lists an item as the client's user (`newItem` with these overrides). */
export function listItem(client: SharehoodClient, overrides: Partial<CreateItemBody> = {}): Promise<Item> {
  return client.items.create({ body: newItem(overrides) });
}

/** A date `days` from today (UTC, as the Inventory API counts), as `YYYY-MM-DD`. */
export function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Asks, as the client's user, to borrow an item from `from` to `to` days from today. */
export function requestLoan(
  client: SharehoodClient,
  itemId: string,
  when: { from: number; to: number; message?: string },
): Promise<Loan> {
  return client.loans.request({
    params: { id: itemId },
    body: { startDate: inDays(when.from), endDate: inDays(when.to), message: when.message },
  });
}

/** A step of a loan's life, taken by its owner (approve, decline, handover, return) or borrower (cancel). */
export type LoanStep = "approve" | "decline" | "handover" | "return" | "cancel";

/** Takes one step of a loan as the client's user; answers the loan after it. */
export function moveLoan(client: SharehoodClient, loanId: string, step: LoanStep): Promise<Loan> {
  return client.loans[step]({ params: { id: loanId } });
}
