import { describe, expect, it } from "vitest";
import { MemoryStore } from "./memory-store.ts";

const store = () => new MemoryStore({ keyPrefix: "t:", channelPrefix: "c:" });

describe("the in-process store", () => {
  it("expires values after their TTL", async () => {
    const s = store();
    await s.set("k", "v", 20);
    expect(await s.get("k")).toBe("v");
    await new Promise((r) => setTimeout(r, 30));
    expect(await s.get("k")).toBeNull();
  });

  it("sets only absent keys with setIfAbsent", async () => {
    const s = store();
    expect(await s.setIfAbsent("k", "1", 1000)).toBe(true);
    expect(await s.setIfAbsent("k", "2", 1000)).toBe(false);
    expect(await s.get("k")).toBe("1");
  });

  it("counts hits in a fixed window, and reads without counting", async () => {
    const s = store();
    expect((await s.hit("h", 1000)).count).toBe(1);
    expect((await s.hit("h", 1000)).count).toBe(2);
    expect((await s.hit("h", 1000, 0)).count).toBe(2);
  });

  it("delivers published messages to subscribers of the same namespace, across instances", async () => {
    const a = store();
    const b = store();
    const received: string[] = [];
    const unsubscribe = await b.subscribe("news", (m) => received.push(m));
    await a.publish("news", "hello");
    await unsubscribe();
    await a.publish("news", "ignored");
    expect(received).toEqual(["hello"]);
  });
});
