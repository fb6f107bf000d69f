import type { Loan, Page } from "@sharehood/sdk/contract";
import { describe, expect, it, vi } from "vitest";
import { fetchWaitingCounts, waitingLines, WAITING_LIMIT } from "./waiting.ts";

const page = (count: number, more = false): Page<Loan> => ({
  items: Array.from({ length: count }, (_, index) => ({ id: `l${index}` }) as Loan),
  nextCursor: more ? "next" : null,
});

describe("fetchWaitingCounts", () => {
  it("asks for both sides at once, filtered by the status that waits", async () => {
    let inFlight = 0;
    let most = 0;
    const list = vi.fn(async ({ query }: { query: { as: string } }) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
      return query.as === "owner" ? page(2) : page(WAITING_LIMIT, true);
    });
    const counts = await fetchWaitingCounts(list);
    expect(most).toBe(2);
    expect(list).toHaveBeenCalledWith({ query: { as: "owner", status: "requested", limit: WAITING_LIMIT } });
    expect(list).toHaveBeenCalledWith({
      query: { as: "borrower", status: "approved", limit: WAITING_LIMIT },
    });
    expect(counts).toEqual({ toAnswer: 2, toPickUp: WAITING_LIMIT, toAnswerMore: false, toPickUpMore: true });
  });
});

describe("waitingLines", () => {
  it("says what waits on each side, in words", () => {
    expect(waitingLines({ toAnswer: 1, toPickUp: 2, toAnswerMore: false, toPickUpMore: false })).toEqual([
      { side: "owner", text: "1 request to answer" },
      { side: "borrower", text: "2 approved loans to pick up" },
    ]);
    expect(waitingLines({ toAnswer: 100, toPickUp: 0, toAnswerMore: true, toPickUpMore: false })).toEqual([
      { side: "owner", text: "100+ requests to answer" },
    ]);
  });

  it("has nothing to say when nothing waits", () => {
    expect(waitingLines({ toAnswer: 0, toPickUp: 0, toAnswerMore: false, toPickUpMore: false })).toEqual([]);
  });
});
