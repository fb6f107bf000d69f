import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./unavailable.ts";

describe("isDatabaseUnavailable", () => {
  it("recognises a database refusing connections, as Prisma's pg adapter reports it", () => {
    const error = Object.assign(new Error("Raw query failed. Code: `55000`."), {
      code: "P2010",
      meta: {
        driverAdapterError: {
          cause: {
            kind: "postgres",
            code: "55000",
            originalCode: "55000",
            message: 'database "x" is not currently accepting connections',
          },
        },
      },
    });
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("recognises refused sockets, shutdowns and pool timeouts", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("connect"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(
      isDatabaseUnavailable({
        code: "P2010",
        meta: { driverAdapterError: { cause: { kind: "postgres", originalCode: "57P01" } } },
      }),
    ).toBe(true);
    expect(isDatabaseUnavailable({ code: "P2024" })).toBe(true);
    // A transaction that could not start in time, and a connection lost inside one.
    expect(isDatabaseUnavailable({ code: "P2028" })).toBe(true);
    expect(
      isDatabaseUnavailable(new Error("Client has encountered a connection error and is not queryable")),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: { kind: "DatabaseNotReachable" } }))).toBe(
      true,
    );
  });

  it("does not mistake query errors for an outage", () => {
    expect(isDatabaseUnavailable({ code: "P2002" })).toBe(false);
    expect(
      isDatabaseUnavailable({
        code: "P2010",
        meta: { driverAdapterError: { cause: { kind: "postgres", originalCode: "23P01" } } },
      }),
    ).toBe(false);
    expect(isDatabaseUnavailable(new Error("syntax error at or near"))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
