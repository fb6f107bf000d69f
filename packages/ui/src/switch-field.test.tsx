import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { SwitchField } from "./switch-field.tsx";

afterEach(cleanup);

describe("SwitchField", () => {
  it("is a switch named by its label and described by its hint", () => {
    render(<SwitchField id="kind-a" name="kind" value="a" label="Requests" hint="When someone asks" />);
    const control = screen.getByRole("switch", { name: "Requests" });
    expect(control.getAttribute("aria-describedby")).toBe("kind-a-hint");
    expect(document.getElementById("kind-a-hint")?.textContent).toBe("When someone asks");
  });

  it("flips with a click on its label and with Space, and is submitted with its form when on", async () => {
    const user = userEvent.setup();
    render(
      <form data-testid="form">
        <SwitchField id="kind-a" name="kind" value="a" label="Requests" />
        <SwitchField id="kind-b" name="kind" value="b" label="Answers" defaultChecked />
      </form>,
    );
    const requests = screen.getByRole<HTMLInputElement>("switch", { name: "Requests" });
    expect(requests.checked).toBe(false);
    await user.click(screen.getByText("Requests"));
    expect(requests.checked).toBe(true);
    await user.keyboard(" ");
    expect(requests.checked).toBe(false);
    await user.keyboard(" ");
    const form = screen.getByTestId<HTMLFormElement>("form");
    expect(new FormData(form).getAll("kind")).toEqual(["a", "b"]);
  });
});
