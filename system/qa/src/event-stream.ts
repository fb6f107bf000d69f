import { request, type IncomingHttpHeaders } from "node:http";

/** One Server-Sent Event: its name (`message` when unnamed) and its data, parsed when it is JSON. */
export interface ServerEvent {
  event: string;
  data: unknown;
}

/** A stream held open: what it answered, the events so far, and how to hang up. */
export interface OpenStream {
  status: number;
  headers: IncomingHttpHeaders;
  /** Every event received so far (it grows while the stream is open). */
  events: ServerEvent[];
  /** Settles when the server ends the stream (or the client hangs up). */
  ended: Promise<void>;
  close(): void;
}

function parseEvent(block: string): ServerEvent | undefined {
  let event = "message";
  const data: string[] = [];
  for (const line of block.split("\n")) {
    if (line.startsWith("event:")) event = line.slice(6).trim();
    else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
  }
  if (data.length === 0) return undefined; // a comment (heartbeat) or the retry hint
  const text = data.join("\n");
  try {
    return { event, data: JSON.parse(text) };
  } catch {
    return { event, data: text };
  }
}

/**
 * Opens an event stream and keeps it open, collecting its events, until `close` (`extraHeaders`:
 * a `Last-Event-ID` to resume after). Its own connection
 * (no pool), so a stream never holds up another request. An answer that is not a stream (a 401) is
 * read to its end and answered with no events.
 */
export function openEventStream(
  baseUrl: string,
  path: string,
  token?: string,
  extraHeaders: Record<string, string> = {},
): Promise<OpenStream> {
  const url = new URL(baseUrl);
  const headers: Record<string, string> = { accept: "text/event-stream", ...extraHeaders };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { agent: false, host: url.hostname, port: url.port, method: "GET", path, headers },
      (res) => {
        const events: ServerEvent[] = [];
        let buffer = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          buffer += chunk.replace(/\r\n?/g, "\n");
          let end: number;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const parsed = parseEvent(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
            if (parsed) events.push(parsed);
          }
        });
        res.on("error", () => undefined); // hanging up aborts the answer: expected
        const ended = new Promise<void>((done) => res.once("close", done));
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          events,
          ended,
          close: () => outgoing.destroy(),
        });
      },
    );
    outgoing.on("error", reject);
    outgoing.end();
  });
}
