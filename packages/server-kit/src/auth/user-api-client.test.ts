import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../logger.ts";
import { createUserApiClient } from "./user-api-client.ts";

// A stand-in User API whose validate-token answers the problem a token's name asks for.
const PROBLEMS: Record<string, { status: number; code: string; detail: string }> = {
  suspended: { status: 403, code: "account_suspended", detail: "This account is suspended." },
  revoked: { status: 401, code: "unauthenticated", detail: "The access token is invalid." },
};

let server: Server;
let client: ReturnType<typeof createUserApiClient>;
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      const problem = PROBLEMS[(JSON.parse(body) as { token: string }).token]!;
      res.writeHead(problem.status, { "content-type": "application/problem+json" });
      res.end(JSON.stringify({ type: "about:blank", title: "t", requestId: "r", ...problem }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  client = createUserApiClient({
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    timeoutMs: 2_000,
    breakerThreshold: 1,
    breakerResetMs: 60_000,
    logger: createLogger("test", "silent"),
  });
});
afterAll(async () => {
  await client.close();
  await new Promise((resolve) => server.close(resolve));
});

describe("asking the User API who a token belongs to", () => {
  it("passes a suspended account's refusal on as a 403, and counts neither refusal as an outage", async () => {
    await expect(client.validate("suspended", "r1")).rejects.toMatchObject({
      status: 403,
      code: "account_suspended",
      message: "This account is suspended.",
    });
    await expect(client.validate("revoked", "r2")).rejects.toMatchObject({
      status: 401,
      code: "unauthenticated",
    });
    expect(client.breakerState).toBe("closed");
  });
});
