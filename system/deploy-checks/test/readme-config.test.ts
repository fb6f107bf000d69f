import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import {
  configurationTableNames,
  envSchemaKeys,
  processEnvReads,
  variablesReadByCode,
} from "../src/env-vars.ts";
import { fromRoot } from "../src/paths.ts";

describe("the configuration reference (docs/configuration.md)", () => {
  test("lists every environment variable the code reads", () => {
    const documented = configurationTableNames(readFileSync(fromRoot("docs/configuration.md"), "utf8"));
    const missing = [...variablesReadByCode()]
      .filter(([name]) => !documented.has(name))
      .map(([name, files]) => `${name} (read in ${[...files].sort().join(", ")})`)
      .sort();
    expect(missing, `missing from the table in docs/configuration.md:\n${missing.join("\n")}`).toEqual([]);
  });
});

describe("finding the variables", () => {
  test("reads zod schema keys, not the other upper-case text in the file", () => {
    const source = `
export const Schema = Base.extend({
  PORT: z.coerce.number().default(4001),
  /** A comment: NOT_A_KEY is mentioned here. */
  ADMIN_EMAIL: z.email().optional(),
}).refine((env) => env.ADMIN_EMAIL !== undefined, { path: ["ADMIN_EMAIL"] });`;
    expect(envSchemaKeys(source)).toEqual(["PORT", "ADMIN_EMAIL"]);
  });

  test("reads process.env.NAME and process.env['NAME']", () => {
    const source = `const a = process.env.TEST_REDIS_URL ?? "x"; const b = process.env["DATABASE_URL"]; loadEnv(schema, process.env);`;
    expect(processEnvReads(source)).toEqual(["TEST_REDIS_URL", "DATABASE_URL"]);
  });

  test("finds what the services and the test helpers read", () => {
    const reads = variablesReadByCode();
    // From the shared base schema, a service schema, and a test helper's process.env read.
    for (const name of [
      "DATABASE_URL",
      "REDIS_NAMESPACE",
      "ADMIN_PASSWORD",
      "USER_API_URL",
      "TEST_DATABASE_URL",
    ]) {
      expect(reads.has(name), name).toBe(true);
    }
    expect(reads.has("NEXT_RUNTIME")).toBe(false);
  });

  test("takes every back-quoted name of the first column, and only of that table", () => {
    const readme = [
      "## Quick start",
      "| `NOT_THIS` | x |",
      "## Configuration",
      "",
      "Text mentioning `NOR_THIS`.",
      "",
      "| variable | default | meaning |",
      "| --- | --- | --- |",
      "| `PORT` | 4001 | HTTP port, not `DEFAULT_IN_OTHER_COLUMN` |",
      "| `ADMIN_EMAIL`, `ADMIN_PASSWORD` | unset | first admin |",
      "",
      "### Notes",
      "## Tests",
      "| `NOR_THAT` | x |",
    ].join("\n");
    expect([...configurationTableNames(readme)].sort()).toEqual(["ADMIN_EMAIL", "ADMIN_PASSWORD", "PORT"]);
  });
});
