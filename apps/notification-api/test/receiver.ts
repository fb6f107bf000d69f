import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A request a test receiver got. */
export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** How a path answers its nth request (1-based): a status (and headers), or "hang" (no answer). */
export type Behaviour = (n: number) => { status: number; headers?: Record<string, string> } | "hang";

/**
 * A real HTTP server on 127.0.0.1 that records every request and answers per path (`on`); 200 for
 * a path with no behaviour. Hanging requests are answered 200 when the receiver closes.
 */
export async function startReceiver() {
  const received: Received[] = [];
  const behaviours = new Map<string, Behaviour>();
  const counts = new Map<string, number>();
  const hanging = new Set<() => void>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const path = req.url ?? "/";
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      const n = (counts.get(path) ?? 0) + 1;
      counts.set(path, n);
      const answer = behaviours.get(path)?.(n) ?? { status: 200 };
      if (answer === "hang") {
        const release = () => res.end();
        hanging.add(release);
        res.on("close", () => hanging.delete(release));
        return;
      }
      res.writeHead(answer.status, answer.headers).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    on(path: string, behaviour: Behaviour) {
      behaviours.set(path, behaviour);
    },
    /** The requests to `path`, oldest first. */
    at: (path: string) => received.filter((request) => request.path === path),
    all: received,
    async close() {
      for (const release of hanging) release();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;
