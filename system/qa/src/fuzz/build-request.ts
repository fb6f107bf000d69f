import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import type { HttpRequest } from "../http.ts";
import { fillPath } from "../routes.ts";
import type { BodySpec, FuzzCase } from "./cases.ts";
import { materialise, Ref } from "./ref.ts";
import type { FuzzWorld } from "./world.ts";

/** Percent-encodes like encodeURIComponent, but never throws (a lone surrogate becomes U+FFFD's bytes). */
export function percentEncode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...Buffer.from(value, "utf8")]
      .map((b) =>
        /[A-Za-z0-9\-_.!~*'()]/.test(String.fromCharCode(b))
          ? String.fromCharCode(b)
          : `%${b.toString(16).toUpperCase().padStart(2, "0")}`,
      )
      .join("");
  }
}

const PRINTABLE = /^[\x21-\x7e]*$/;
const asText = (value: unknown): string =>
  typeof value === "string" ? value : value === undefined ? "" : (JSON.stringify(value) ?? "");

function queryString(query: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value])
      parts.push(`${percentEncode(key)}=${percentEncode(asText(v))}`);
  }
  return parts.join("&");
}

function multipart(body: Extract<BodySpec, { kind: "multipart" }>): Buffer {
  const chunks: Buffer[] = [];
  body.files.forEach((file, i) => {
    chunks.push(
      Buffer.from(
        `--${body.boundary}\r\nContent-Disposition: form-data; name="${body.field.replace(/["\r\n]/g, "")}"; filename="f${i}.png"\r\n` +
          (file.type ? `Content-Type: ${file.type}\r\n` : "") +
          "\r\n",
      ),
      Buffer.from(file.bytes),
      Buffer.from("\r\n"),
    );
  });
  if (!body.broken) chunks.push(Buffer.from(`--${body.boundary}--\r\n`));
  return Buffer.concat(chunks);
}

function bodyBytes(body: BodySpec, resolve: (r: Ref) => string): { bytes: Buffer; type: string } {
  switch (body.kind) {
    case "json":
      return {
        bytes: Buffer.from(JSON.stringify(materialise(body.value, resolve)) ?? "null"),
        type: "application/json",
      };
    case "text":
      return { bytes: Buffer.from(body.text), type: "application/json" };
    case "bytes":
      return { bytes: Buffer.from(body.bytes), type: "application/json" };
    case "multipart":
      return { bytes: multipart(body), type: `multipart/form-data; boundary=${body.boundary}` };
  }
}

function compress(name: string, bytes: Buffer): Buffer {
  if (name === "gzip") return gzipSync(bytes);
  if (name === "deflate") return deflateSync(bytes);
  if (name === "br") return brotliCompressSync(bytes);
  return bytes;
}

/** Turns a generated case into the bytes that go out, filling Refs from the world as it is now. */
export function buildRequest(c: FuzzCase, world: FuzzWorld): HttpRequest {
  const resolve = (r: Ref) => world.resolve(r);
  let path: string;
  let itemId: string | undefined;
  if (c.literalPath !== undefined) {
    path = c.literalPath;
  } else {
    const params = materialise(c.params ?? {}, resolve) as Record<string, unknown>;
    const encoded: Record<string, string> = {};
    for (const [name, value] of Object.entries(params)) {
      const text = asText(value);
      encoded[name] = c.rawParams && PRINTABLE.test(text) && !/[?#]/.test(text) ? text : percentEncode(text);
    }
    itemId = typeof params.id === "string" ? params.id : undefined;
    path = fillPath(c.route!, encoded, true);
  }
  const query =
    c.rawQuery ?? (c.query ? queryString(materialise(c.query, resolve) as Record<string, unknown>) : "");
  if (query) path += `?${query}`;

  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(c.headers))
    headers[name] = value instanceof Ref ? resolve(value) : value;
  if (c.ifMatchCurrent && itemId) {
    const etags = world.pool(`etag:${itemId}`);
    if (etags.length > 0) headers["if-match"] = etags[etags.length - 1] ?? "";
  }
  // A mangled id can turn PATCH/DELETE /users/:id into /users/me: never spend a principal on that.
  const auth: FuzzCase["auth"] =
    c.auth.kind === "principal" && /^\/users\/me\/?(?:[?#]|$)/i.test(path) && c.method !== "GET"
      ? { kind: "throwaway", pick: 0 }
      : c.auth;
  switch (auth.kind) {
    case "principal":
      headers.authorization = `Bearer ${world.token(auth.who)}`;
      break;
    case "throwaway":
      headers.authorization = `Bearer ${world.throwaway(auth.pick)?.token ?? "none"}`;
      break;
    case "revoked":
      headers.authorization = `Bearer ${world.revokedToken}`;
      break;
    case "expired":
      headers.authorization = `Bearer ${world.expiredToken}`;
      break;
    case "raw":
      headers.authorization = auth.header;
      break;
    case "none":
      break;
  }

  let body: Buffer | undefined;
  if (c.body) {
    const built = bodyBytes(c.body, resolve);
    body = built.bytes;
    if (c.contentType === undefined) headers["content-type"] = built.type;
    else if (c.contentType !== null) headers["content-type"] = c.contentType;
    if (c.contentEncoding) {
      headers["content-encoding"] = c.contentEncoding.name;
      if (c.contentEncoding.compress) body = compress(c.contentEncoding.name, body);
    }
  }
  return { method: c.method, path, headers, body };
}
