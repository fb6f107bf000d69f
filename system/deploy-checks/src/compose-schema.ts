import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsPlugin from "ajv-formats";

const require = createRequire(import.meta.url);

// ajv-formats is CommonJS: its default export is the plugin function.
export const addFormats = addFormatsPlugin as unknown as (ajv: Ajv) => Ajv;

/**
 * The Compose specification's JSON schema (compose-spec/compose-go's `compose_spec.json`), as the
 * `dclint` package ships it in `schemas/compose.schema.json`. Read from node_modules: nothing is
 * downloaded at test time.
 */
export function loadComposeSchema(): Record<string, unknown> {
  const packageDir = dirname(require.resolve("dclint/package.json"));
  const schema = JSON.parse(
    readFileSync(join(packageDir, "schemas", "compose.schema.json"), "utf8"),
  ) as Record<string, unknown>;
  // It is draft-07, declared as "https://json-schema.org/draft-07/schema", a spelling that differs
  // from the id of Ajv's draft-07 meta-schema. Ajv's default dialect is draft-07 already.
  delete schema.$schema;
  return schema;
}

/** A validator for a parsed docker-compose.yml. */
export function composeValidator(): ValidateFunction {
  // strictTypes off: the specification is not written for Ajv's extra type checks (it uses
  // `additionalProperties` without `type: object`, and type unions); unknown keywords still fail.
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
  addFormats(ajv);
  return ajv.compile(loadComposeSchema());
}

/**
 * One line per schema error: where, and what is wrong. The echoes of `oneOf: [X, null]` (Kubernetes'
 * nullable fields: "must be null", "must match exactly one schema") are left out when a real
 * error is there to show.
 */
export function formatErrors(errors: ErrorObject[] | null | undefined): string {
  const all = errors ?? [];
  const echo = (error: ErrorObject) =>
    error.keyword === "oneOf" || (error.keyword === "type" && error.params.type === "null");
  const shown = all.some((error) => !echo(error)) ? all.filter((error) => !echo(error)) : all;
  return shown
    .map(
      (error) =>
        `${error.instancePath || "/"} ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`,
    )
    .join("\n");
}
