/**
 * A webhook receiver on Node's own http server: checks each delivery's signature and age with
 * `verifyWebhook`, answers 204 quickly, and ignores a delivery it has already handled.
 *
 *   SHAREHOOD_WEBHOOK_SECRET=whsec_… npx tsx examples/webhook-receiver.ts
 *
 * Register http://<this host>:8080/hook with `client.webhooks.create` (its answer carries the
 * secret), or try it locally with `sharehood listen --forward-to http://localhost:8080/hook --secret whsec_…`.
 */
import { createServer } from "node:http";
import { verifyWebhook, WebhookVerificationError } from "@sharehood/sdk";
import { required } from "./client-from-env.ts";

const secret = required("SHAREHOOD_WEBHOOK_SECRET");
const port = Number(process.env.PORT ?? 8080);
// A delivery may come more than once (a retry after a lost answer): the event id tells.
const handled = new Set<string>();

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    // The raw bytes, not re-serialised JSON: the signature covers them exactly.
    verifyWebhook({ payload: Buffer.concat(chunks), headers: request.headers, secret }).then(
      (event) => {
        response.writeHead(204).end();
        if (handled.has(event.id)) return;
        handled.add(event.id);
        console.log(`${event.type}  ${event.id}  about ${event.data.subject.type} ${event.data.subject.id}`);
      },
      (error: unknown) => {
        const refused = error instanceof WebhookVerificationError;
        console.warn(refused ? `refused: ${error.reason}` : error);
        response.writeHead(refused ? 400 : 500).end();
      },
    );
  });
});
server.listen(port, () => console.log(`Listening on http://localhost:${port}/hook`));
