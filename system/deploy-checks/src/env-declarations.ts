import { z } from "zod";

/**
 * One environment variable as a reader declares it. The same keys as the metadata on the schemas'
 * fields (`.describe()`, `.meta({ ... })`), so a plain list (the launcher's, the demo's) reads alike.
 */
export interface VariableDeclaration {
  name: string;
  /** What it does: the "meaning" column. A variable several readers share is described once. */
  description?: string | undefined;
  /** The "default" column when the default value alone would not say it ("embedded PGlite"). */
  displayDefault?: string | undefined;
  /** The value the schema falls back to, shown when there is no display default. */
  defaultValue?: unknown;
  /** Shown in that variable's row, after it ("`ADMIN_EMAIL`, `ADMIN_PASSWORD`"). */
  sameRowAs?: string | undefined;
  /** An older name for that variable, shown in its row as "(or NAME)". */
  alternativeTo?: string | undefined;
}

/** The variables one part of the system reads: the "read by" column names it. */
export interface EnvSource {
  readBy: string;
  variables: readonly VariableDeclaration[];
}

const asText = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/** The value a field falls back to when unset, looking through `.optional()` and transforms. */
function defaultValueOf(schema: z.core.$ZodType): unknown {
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodPrefault) return schema.def.defaultValue;
  if (schema instanceof z.ZodPipe) return defaultValueOf(schema.in);
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable)
    return defaultValueOf(schema.unwrap());
  return undefined;
}

/** The variables of an environment schema, with the metadata on each field. */
export function schemaVariables(schema: z.ZodObject): VariableDeclaration[] {
  return Object.entries<z.ZodType>(schema.shape).map(([name, field]) => {
    const meta = field.meta() ?? {};
    return {
      name,
      description: asText(meta.description),
      displayDefault: asText(meta.displayDefault),
      defaultValue: defaultValueOf(field),
      sameRowAs: asText(meta.sameRowAs),
      alternativeTo: asText(meta.alternativeTo),
    };
  });
}
