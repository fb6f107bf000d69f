import { z } from "zod";
import { envFlag } from "../env.ts";

/**
 * Where a service that keeps uploaded images stores them: an S3-compatible bucket when `S3_BUCKET`
 * is set, else the disk under DATA_DIR. The User API (avatars) spreads these into its environment
 * schema. The Inventory API declares the same variables with their descriptions (its photos came
 * first), so they are described there once for the configuration reference.
 */
export const FileStorageEnv = {
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: envFlag,
};

/** The settings `FileStorageEnv` declares, as parsed, with the data folder every service has. */
export type FileStorageConfig = z.output<z.ZodObject<typeof FileStorageEnv>> & { DATA_DIR: string };

/**
 * The cross-field rules of `FileStorageEnv`, for the schema's `.check()`: credentials go in pairs,
 * and an endpoint or credentials without a bucket are a mistake (files would go to disk).
 */
export function checkFileStorageEnv(ctx: z.core.ParsePayload<Partial<FileStorageConfig>>): void {
  const env = ctx.value;
  if ((env.S3_ACCESS_KEY_ID === undefined) !== (env.S3_SECRET_ACCESS_KEY === undefined))
    ctx.issues.push({
      code: "custom",
      message: "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together",
      path: ["S3_SECRET_ACCESS_KEY"],
      input: env,
    });
  if (env.S3_BUCKET === undefined && (env.S3_ENDPOINT ?? env.S3_ACCESS_KEY_ID) !== undefined)
    ctx.issues.push({
      code: "custom",
      message: "S3_ENDPOINT and S3 credentials need S3_BUCKET (without it files are stored on disk)",
      path: ["S3_BUCKET"],
      input: env,
    });
}
