import { describe, expect, it } from "vitest";
import { assertLocalDatabase, databaseUrl, recreateDatabases } from "./test-database.ts";

describe("test databases", () => {
  it("refuses a database server that is not on this machine", async () => {
    expect(() => assertLocalDatabase("postgresql://postgres@db.example.com:5432/postgres")).toThrow(
      /non-local database \(db\.example\.com\)/,
    );
    expect(() => assertLocalDatabase("postgresql://postgres@127.0.0.1:5432/postgres")).not.toThrow();
    await expect(recreateDatabases("postgresql://postgres@db.example.com/postgres", [])).rejects.toThrow();
  });

  it("touches only databases named for tests", async () => {
    await expect(recreateDatabases("postgresql://postgres@127.0.0.1/postgres", ["postgres"])).rejects.toThrow(
      /unexpected database name postgres/,
    );
  });

  it("names a database on the same server", () => {
    expect(databaseUrl("postgresql://postgres@127.0.0.1:5432/postgres", "sharehood_e2e_users")).toBe(
      "postgresql://postgres@127.0.0.1:5432/sharehood_e2e_users",
    );
  });
});
