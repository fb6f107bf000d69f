import { randomBytes } from "node:crypto";

/**
 * A new UUIDv7, for rows and files this service names itself (photos, threads, messages written
 * in raw SQL, where Prisma's `uuid(7)` default does not apply). Time-ordered like the ids the
 * database makes, so inserts append to the primary key's index instead of landing on random pages.
 */
export function newId(): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(Date.now(), 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
