import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Every document of a YAML file as plain data. Merge keys (`<<: *anchor`) are resolved, as Docker
 * Compose and kubectl resolve them; a syntax error throws with the file name.
 */
export function readYamlDocuments(path: string): unknown[] {
  const documents = parseAllDocuments(readFileSync(path, "utf8"), { merge: true, prettyErrors: true });
  return documents.flatMap((document) => {
    if (document.errors.length > 0) {
      throw new Error(`${path}: ${document.errors.map((error) => error.message).join("\n")}`);
    }
    const value: unknown = document.toJS({ maxAliasCount: 100 });
    return value === null || value === undefined ? [] : [value];
  });
}

/** The single document of a YAML file, which must be a mapping. */
export function readYamlObject(path: string): Json {
  const [document, ...rest] = readYamlDocuments(path);
  if (!isObject(document) || rest.length > 0) throw new Error(`${path}: expected one YAML mapping`);
  return document;
}

/**
 * Parsed YAML as the tests read it: they assert its shape field by field, after the schema checks
 * have validated it, so a static type would only restate those schemas.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type Loose = any;
