import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { INVALID, notAdmin, type Prepared, type RouteSpec } from "./cells.ts";
import type { Actor, SecurityWorld } from "./world.ts";

// Webhooks (issue 18): each person's own endpoints and their delivery logs. Deliveries go to a
// receiver on loopback that takes every one (the stack allows private targets), so nothing is left
// retrying in the background while the refusals compare the databases before and after.

const NOT_FOUND = [404, "not_found"] as const;

let receiver: Promise<string> | undefined;

/** The URL of a receiver on 127.0.0.1 answering 204 to every delivery (one per test process). */
function receiverUrl(): Promise<string> {
  receiver ??= new Promise((resolve) => {
    const server = createServer((req, res) => {
      req.resume();
      req.on("end", () => res.writeHead(204).end());
    });
    server.unref();
    server.listen(0, "127.0.0.1", () => {
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`);
    });
  });
  return receiver;
}

async function aliceWebhook(world: SecurityWorld, events: string[] = ["*"]): Promise<string> {
  const alice = world.actor("alice");
  const created = await world.ok("notifications", "POST", "/webhooks", {
    token: await world.live(alice),
    body: { url: await receiverUrl(), events },
  });
  return String(created.id);
}

/** Polls `owner`'s endpoint until a delivery to it has succeeded; answers that delivery's id. */
async function delivered(world: SecurityWorld, owner: Actor, webhookId: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const page = await world.ok("notifications", "GET", `/webhooks/${webhookId}/deliveries`, {
      token: await world.live(owner),
    });
    const done = (page.items as { id: string; status: string }[]).find((d) => d.status === "succeeded");
    if (done) return done.id;
    if (Date.now() > deadline) throw new Error("no webhook delivery succeeded within 15 s");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export const WEBHOOK_SPECS: Record<string, RouteSpec> = {
  createWebhook: {
    rightful: "alice",
    prepare: async (world): Promise<Prepared> => {
      await world.settle();
      return { params: {}, body: { url: await receiverUrl(), events: ["loan.requested"] } };
    },
    cells: {
      otherUser: {
        expect: INVALID,
        as: "bob",
        attempt: "bob names alice's id in the endpoint he registers",
        request: (world, p) => ({ body: { ...(p.body as object), userId: world.actor("alice").id } }),
      },
      plainUserOnAdminRoute: notAdmin("everyone registers their own endpoints"),
    },
    extra: [
      {
        expect: [422, "unprocessable"],
        as: "rightful",
        attempt: "alice registers the cloud metadata address (refused even with private targets allowed)",
        request: () => ({ body: { url: "http://169.254.169.254/latest/meta-data/", events: ["*"] } }),
      },
    ],
  },
  deleteWebhook: {
    rightful: "alice",
    prepare: async (world) => {
      const id = await aliceWebhook(world);
      await world.settle();
      return { params: { id } };
    },
    cells: {
      // 404, not 403: nobody learns that someone else's endpoint id exists.
      otherUser: { expect: NOT_FOUND, as: "bob", attempt: "bob deletes alice's endpoint" },
      plainUserOnAdminRoute: notAdmin("everyone deletes their own endpoints"),
    },
  },
  redeliverWebhook: {
    rightful: "alice",
    changesLater: true,
    prepare: async (world) => {
      const id = await aliceWebhook(world, ["loan.requested"]);
      await world.loan(world.actor("alice"), world.actor("bob"), "requested");
      const deliveryId = await delivered(world, world.actor("alice"), id);
      await world.settle();
      return { params: { id, deliveryId } };
    },
    cells: {
      otherUser: { expect: NOT_FOUND, as: "bob", attempt: "bob redelivers a delivery to alice's endpoint" },
      plainUserOnAdminRoute: notAdmin("everyone redelivers to their own endpoints"),
    },
  },
};
