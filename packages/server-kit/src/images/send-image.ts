import { createHash } from "node:crypto";
import type { Request, Response } from "express";

/**
 * Answers a stored WebP file whose key never changes content (a new image gets a new key), so
 * browsers and CDNs may keep it for a year; its ETag lets a revalidation end in a 304.
 */
export function sendImmutableImage(req: Request, res: Response, bytes: Buffer): void {
  const etag = `"${createHash("sha1").update(bytes).digest("base64url")}"`;
  res.set({
    etag,
    "cache-control": "public, max-age=31536000, immutable",
    // Helmet's default (same-origin) would stop the web app, on another origin, from showing it.
    "cross-origin-resource-policy": "cross-origin",
  });
  const ifNoneMatch = req.headers["if-none-match"];
  if (ifNoneMatch?.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag || tag.trim() === "*")) {
    res.status(304).end();
    return;
  }
  res.type("image/webp").send(bytes);
}
