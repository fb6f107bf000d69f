import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { TextField } from "./text-field.tsx";

afterEach(cleanup);

describe("TextField", () => {
  it("is labelled, and described by its hint", () => {
    render(<TextField name="title" label="Title" hint="A few words" />);
    const input = screen.getByRole("textbox", { name: "Title" });
    expect(input.getAttribute("aria-invalid")).toBeNull();
    expect(input.getAttribute("aria-describedby")).toBe("field-title-hint");
    expect(document.getElementById("field-title-hint")?.textContent).toBe("A few words");
  });

  it("says it is invalid, described by its error instead of the hint", () => {
    render(<TextField name="title" label="Title" hint="A few words" error="Give your item a title" />);
    const input = screen.getByRole("textbox", { name: "Title" });
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(input.getAttribute("aria-describedby")).toBe("field-title-error");
    expect(document.getElementById("field-title-error")?.textContent).toBe("Give your item a title");
    expect(screen.queryByText("A few words")).toBeNull();
  });
});
