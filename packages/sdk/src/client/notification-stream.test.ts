import { describe, expect, test } from "vitest";
import { readServerSentEvents } from "./notification-stream.ts";

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
