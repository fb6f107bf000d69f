import { describe, expect, it } from "vitest";
import { loggableUrl } from "./request-context.ts";

describe("the URL a request is logged with", () => {
  it("hides a link's token and a calendar feed's address, and keeps everything else", () => {
    expect(loggableUrl("/unsubscribe?token=abc.def&kind=loan")).toBe(
      "/unsubscribe?token=[redacted]&kind=loan",
    );
    expect(loggableUrl("/calendar/Zm9vYmFy_-x.ics")).toBe("/calendar/[redacted].ics");
    expect(loggableUrl("/calendar/Zm9vYmFy?x=1")).toBe("/calendar/[redacted]?x=1");
    expect(loggableUrl("/items?q=token&limit=2")).toBe("/items?q=token&limit=2");
    expect(loggableUrl("/calendar-token")).toBe("/calendar-token");
  });
});
