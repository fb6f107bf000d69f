/** A request body that grew past its limit while it was being read. */
export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`The request body is larger than ${limitBytes} bytes`);
  }
}

/**
 * Reads a request body, counting bytes as they arrive. Past `maxBytes` it stops reading (the
 * stream is cancelled, nothing more is buffered) and throws `BodyTooLargeError`, whatever
 * Content-Length said, or whether it was sent at all (a chunked body has none).
 */
export async function readBodyWithin(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<Blob> {
  // Request bodies are never shared memory, which is all Blob's type asks to rule out.
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  if (!body) return new Blob(chunks);
  const reader = body.getReader();
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value as Uint8Array<ArrayBuffer>);
  }
  return new Blob(chunks);
}
