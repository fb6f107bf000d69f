import busboy from "busboy";
import type { Request } from "express";
import { AppError } from "../app-error.ts";

/** One file of a multipart body, read whole (it is at most `maxFileBytes`). */
export interface ReceivedFile {
  /** `<field>[<n>]`, the name problems use for it. */
  label: string;
  filename: string;
  bytes: Buffer;
}

export interface ReceiveOptions<T> {
  /** The only field accepted; every part must be a file in it. */
  field: string;
  maxFiles: number;
  maxFileBytes: number;
  /** The error for a body with more than `maxFiles` files. */
  tooManyFiles: () => AppError;
  /**
   * Handles each file as soon as it has arrived (the next one streams in meanwhile). `signal` aborts
   * when the upload is refused or abandoned, so work still waiting for this request can be dropped.
   */
  onFile: (file: ReceivedFile, signal: AbortSignal) => Promise<T>;
}

// Room for part headers and boundaries around the files themselves.
const OVERHEAD_BYTES = 64 * 1024;

const invalid = (detail: string) => new AppError("validation_failed", detail);

/**
 * Streams a multipart/form-data request through busboy with limits on file size, file count, fields
 * and parts, and answers what `onFile` made of each file, in order. The first problem rejects at
 * once, stops parsing and lets the rest of the body drain unread; nothing is kept of a refused body.
 */
export function receiveFiles<T>(req: Request, options: ReceiveOptions<T>): Promise<T[]> {
  const { field, maxFiles, maxFileBytes } = options;
  if (!req.is("multipart/form-data")) {
    return Promise.reject(
      new AppError("unsupported_media_type", `Send the files as multipart/form-data in the "${field}" field`),
    );
  }
  const maxBodyBytes = maxFiles * maxFileBytes + OVERHEAD_BYTES * (maxFiles + 1);
  if (Number(req.headers["content-length"] ?? 0) > maxBodyBytes) {
    return Promise.reject(
      new AppError("payload_too_large", "The upload is larger than this endpoint accepts"),
    );
  }

  return new Promise<T[]>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      // Busboy flags a file that *reaches* `fileSize` and emits partsLimit when the count *reaches*
      // `parts`, so both are one above what is allowed: a file of exactly maxFileBytes passes.
      parser = busboy({
        headers: req.headers,
        limits: {
          fileSize: maxFileBytes + 1,
          files: maxFiles,
          fields: 0,
          parts: maxFiles + 1,
          headerPairs: 20,
        },
      });
    } catch {
      reject(invalid("The multipart body has no boundary in its Content-Type"));
      return;
    }
    const results: Promise<T>[] = [];
    const abandoned = new AbortController();
    let settled = false;
    let received = 0;
    let receivedBytes = 0;

    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      req.resume(); // drain what is left, unread, so the answer can still be sent on this connection
      const reason = error instanceof Error ? error : invalid("The multipart body could not be read");
      abandoned.abort(reason);
      reject(reason);
    };

    const malformed = () => fail(invalid("The multipart body is malformed or incomplete"));
    parser.on("file", (name, stream, info) => {
      const index = received++;
      const label = `${field}[${index}]`;
      // A body that ends inside a file destroys that file's stream with an error: unheard, it
      // would be an uncaught exception and take the whole service down.
      stream.on("error", malformed);
      if (settled) return void stream.resume();
      if (name !== field) {
        stream.resume();
        return fail(invalid(`Send files in the "${field}" field (got "${name.slice(0, 40)}")`));
      }
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("limit", () =>
        fail(
          new AppError("payload_too_large", `${label} is larger than ${maxFileBytes / 1024 / 1024} MiB`, {
            errors: [{ path: label, message: `must be at most ${maxFileBytes} bytes` }],
          }),
        ),
      );
      stream.on("end", () => {
        if (settled || stream.truncated) return;
        const file = { label, filename: info.filename ?? "", bytes: Buffer.concat(chunks) };
        const result = options.onFile(file, abandoned.signal);
        result.catch(fail);
        results.push(result);
      });
    });
    parser.on("field", (name) =>
      fail(invalid(`Unexpected form field "${name.slice(0, 40)}": send only files`)),
    );
    parser.on("fieldsLimit", () => fail(invalid("Send only files, no other form fields")));
    parser.on("filesLimit", () => fail(options.tooManyFiles()));
    parser.on("partsLimit", () => fail(options.tooManyFiles()));
    parser.on("error", malformed);
    parser.on("close", () => {
      if (settled) return;
      if (results.length === 0) return fail(invalid(`Attach at least one file in the "${field}" field`));
      Promise.all(results).then((values) => {
        if (settled) return;
        settled = true;
        resolve(values);
      }, fail);
    });

    // Busboy bounds each file, not what surrounds them (preamble, epilogue): count the whole body.
    req.on("data", (chunk: Buffer) => {
      receivedBytes += chunk.length;
      if (receivedBytes > maxBodyBytes)
        fail(new AppError("payload_too_large", "The upload is larger than this endpoint accepts"));
    });
    req.on("aborted", () => fail(invalid("The upload was interrupted")));
    req.on("error", () => fail(invalid("The upload was interrupted")));
    req.pipe(parser);
  });
}
