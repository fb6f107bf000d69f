import { z } from "zod";
import { IdSchema } from "./common.ts";
import type { Position } from "./geo.ts";

// Finding things: an item's approximate position and the distance search, and title suggestions.

/** A point on Earth in degrees (WGS 84): a `Position` whose degrees are in range. */
export const PositionSchema = z.strictObject({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
}) satisfies z.ZodType<Position>;

/** `?near=<lat>,<lng>` of `GET /items`: parsed into a position. */
export const NearParamSchema = z
  .string()
  .max(64)
  .regex(/^\s*-?\d{1,3}(\.\d+)?\s*,\s*-?\d{1,3}(\.\d+)?\s*$/, "must be <lat>,<lng> in degrees")
  .transform((value, ctx) => {
    const [lat, lng] = value.split(",").map(Number);
    const parsed = PositionSchema.safeParse({ lat, lng });
    if (!parsed.success) {
      ctx.addIssue({ code: "custom", message: "latitude must be within ±90 and longitude within ±180" });
      return z.NEVER;
    }
    return parsed.data;
  });

/** `GET /items/suggest` query: the start of a title (any word of it), accents and case ignored. */
export const SuggestQuerySchema = z.object({
  q: z.string().trim().min(1, "must not be empty").max(100),
  limit: z.coerce.number().int().min(1).max(10).default(8),
});
/** `GET /items/suggest` query. */
export type SuggestQuery = z.input<typeof SuggestQuerySchema>;

/** `GET /items/suggest` answer: listed items whose title starts with (a word starting with) `q`. */
export const SuggestionsSchema = z.object({
  suggestions: z.array(z.object({ id: IdSchema, title: z.string() })),
});
/** `GET /items/suggest` answer. */
export type Suggestions = z.infer<typeof SuggestionsSchema>;
