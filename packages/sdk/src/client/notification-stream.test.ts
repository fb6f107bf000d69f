import { describe, expect, test } from "vitest";
import type { Transport } from "./call-route.ts";
import { readServerSentEvents, streamNotifications } from "./notification-stream.ts";

function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function readAll(body: ReadableStream<Uint8Array>) {
  const events = [];
  for await (const event of readServerSentEvents(body)) events.push(event);
  return events;
}

describe("reading Server-Sent Events", () => {
  test("splits events across chunk boundaries and skips comments", async () => {
    const events = await readAll(
      streamOf(
        ": heartbeat\n\nevent: unr",
        'ead\ndata: {"count":2}\n\n',
        'event: notification\r\ndata: {"a":1}\r\n\r\n',
      ),
    );
    expect(events).toEqual([
      { event: "unread", data: '{"count":2}', id: undefined },
      { event: "notification", data: '{"a":1}', id: undefined },
    ]);
  });

  test("joins multi-line data and keeps the id; an event without data is not dispatched", async () => {
    const events = await readAll(streamOf("id: 7\ndata: one\ndata:two\n\nevent: empty\n\n"));
    expect(events).toEqual([{ event: "message", data: "one\ntwo", id: "7" }]);
  });
});

describe("the notification stream", () => {
  const conversationId = "0193a5b0-0000-7000-8000-000000000001";
  const message = {
    id: "0193a5b0-0000-7000-8000-000000000002",
    conversationId,
    authorId: "user-1",
    body: "Is it still free on Saturday?",
    createdAt: "2026-12-01T20:00:00.000Z",
    seen: false,
  };
  const transportOf = (body: string): Transport => ({
    baseUrl: "http://notifications.test",
    fetch: () =>
      Promise.resolve(new Response(body, { status: 200, headers: { "content-type": "text/event-stream" } })),
    timeoutMs: 1000,
    getToken: () => "token",
    headers: {},
  });

  test("yields new messages and read threads, and skips what does not match the contract", async () => {
    const item = { id: "0193a5b0-0000-7000-8000-000000000003", title: "Tent" };
    const body = [
      `event: message\ndata: ${JSON.stringify({ conversationId, item, message })}\n\n`,
      `event: message\ndata: ${JSON.stringify({ conversationId, message })}\n\n`,
      `event: conversation-read\ndata: ${JSON.stringify({ conversationId, readerId: "user-2" })}\n\n`,
      'event: unread\ndata: {"count":1}\n\n',
    ].join("");
    const events = [];
    for await (const event of streamNotifications(transportOf(body))) events.push(event);
    expect(events).toEqual([
      { type: "message", conversationId, item, message },
      { type: "conversation-read", conversationId, readerId: "user-2" },
      { type: "unread", count: 1 },
    ]);
  });
});
