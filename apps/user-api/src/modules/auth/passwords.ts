import { hash, verify } from "@node-rs/argon2";

// OWASP's argon2id parameters: 19 MiB of memory, 2 iterations, 1 lane. Algorithm 2 is Argon2id.
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

// Verifying against this when the email is unknown makes a wrong email cost as much as a wrong
// password, so response times do not reveal which accounts exist.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("sharehood-timing-equaliser");
  await verifyPassword(await dummyHash, password);
}
