import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import { addFormats } from "./compose-schema.ts";
import { isObject, type Json } from "./yaml.ts";

/*
 * Kubernetes' JSON schemas, from the `kubernetes-models` package (pinned to 4.3.1, generated from
 * the Kubernetes 1.27 OpenAPI definitions). Its 4.3 line ships every definition as a JSON schema
 * object in `_schemas/<Id>.js`, each with an `addSchema()` that registers it (and the definitions
 * it references) through `@kubernetes-models/validate`'s `register(id, schema)`. Later versions ship
 * precompiled validators instead, hence the pin. We collect the schemas by standing in for
 * `register` while `addSchema()` runs, then compile them with our own Ajv: nothing is downloaded.
 */

const require = createRequire(import.meta.url);
const modelsEntry = require.resolve("kubernetes-models");
const schemasDir = join(dirname(modelsEntry), "_schemas");
// Resolved from kubernetes-models itself, so it is the very module its schema files call.
const registry = createRequire(modelsEntry)("@kubernetes-models/validate") as {
  register: (id: string, schema: unknown) => void;
};

/** The OpenAPI definition id of a kind: `apps/v1` + `Deployment` -> `io.k8s.api.apps.v1.Deployment`. */
export function definitionId(apiVersion: string, kind: string): string {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["core", apiVersion];
  // Built-in groups are named after their first label: networking.k8s.io -> networking.
  return `io.k8s.api.${group?.split(".")[0]}.${version}.${kind}`;
}

const fileOf = (id: string) =>
  join(
    schemasDir,
    `${id
      .split(".")
      .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
      .join("")}.js`,
  );

/** The schemas of a definition and of every definition it references, by id. */
function collect(id: string): Map<string, unknown> {
  const file = fileOf(id);
  if (!existsSync(file)) throw new Error(`no Kubernetes schema for ${id} in kubernetes-models`);
  const module = require(file) as { addSchema: () => void };
  const collected = new Map<string, unknown>();
  const original = registry.register;
  registry.register = (schemaId, schema) => void collected.set(schemaId, schema);
  try {
    module.addSchema();
  } finally {
    registry.register = original;
  }
  if (!collected.has(id)) throw new Error(`kubernetes-models registered no schema for ${id}`);
  return collected;
}

/**
 * Kubernetes accepts and drops unknown fields; `kubectl apply` (server-side field validation) and
 * kubeconform's strict mode refuse them. We refuse them too, so a misspelled field fails here
 * rather than being ignored in a cluster: every object schema that lists its properties and says
 * nothing about others gets `additionalProperties: false`.
 */
export function strictSchema(schema: unknown): unknown {
  if (!isObject(schema)) return schema;
  const out: Json = { ...schema };
  for (const key of ["properties", "patternProperties"]) {
    const map = out[key];
    if (isObject(map)) {
      out[key] = Object.fromEntries(Object.entries(map).map(([name, value]) => [name, strictSchema(value)]));
    }
  }
  for (const key of ["items", "additionalProperties", "not"]) {
    if (isObject(out[key])) out[key] = strictSchema(out[key]);
  }
  for (const key of ["oneOf", "anyOf", "allOf"]) {
    const list = out[key];
    if (Array.isArray(list)) out[key] = list.map(strictSchema);
  }
  if (isObject(out.properties) && !("additionalProperties" in out) && !("patternProperties" in out)) {
    out.additionalProperties = false;
  }
  return out;
}

function createAjv(): Ajv {
  // strictTypes off as in @kubernetes-models/validate: the OpenAPI-derived schemas use `nullable`
  // and type unions that Ajv's strict type checks flag without them being wrong.
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
  addFormats(ajv);
  // The OpenAPI formats Kubernetes uses.
  ajv.addFormat("int32", {
    type: "number",
    validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
  });
  ajv.addFormat("int64", { type: "number", validate: (n: number) => Number.isSafeInteger(n) });
  ajv.addFormat("double", { type: "number", validate: (n: number) => Number.isFinite(n) });
  ajv.addFormat("byte", /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/);
  // resource.Quantity: 100m, 0.5, 256Mi, 1e3 ...
  ajv.addFormat("quantity", /^[+-]?(?:\d+|\d+\.\d+|\d+\.|\.\d+)(?:[KMGTPE]i|[numkMGTPE]|[eE][+-]?\d+)?$/);
  return ajv;
}

/** Validators by apiVersion and kind, compiled on first use. */
export class KubernetesValidators {
  private readonly ajv = createAjv();
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly added = new Set<string>();

  validatorFor(apiVersion: string, kind: string): ValidateFunction {
    const id = definitionId(apiVersion, kind);
    const existing = this.compiled.get(id);
    if (existing) return existing;
    for (const [schemaId, schema] of collect(id)) {
      if (this.added.has(schemaId)) continue;
      this.ajv.addSchema(strictSchema(schema) as object, schemaId);
      this.added.add(schemaId);
    }
    const validate = this.ajv.getSchema(id);
    if (!validate) throw new Error(`schema ${id} did not compile`);
    this.compiled.set(id, validate);
    return validate;
  }
}
