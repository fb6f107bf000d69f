import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { PhotoGallery } from "./photo-gallery.tsx";

afterEach(cleanup);

const photos = ["a", "b", "c"].map((id) => ({
  id,
  url: `/photos/${id}/display.webp`,
  thumbnailUrl: `/photos/${id}/thumb.webp`,
  width: 1600,
  height: 1200,
}));

describe("PhotoGallery", () => {
  it("shows the first photo, named for screen readers, with one thumbnail button per photo", () => {
    render(<PhotoGallery photos={photos} title="Cordless drill" />);
    const main = screen.getByRole("img", { name: "Cordless drill, photo 1 of 3" });
    expect(main.getAttribute("src")).toBe("/photos/a/display.webp");
    const buttons = screen.getAllByRole("button", { name: /Show photo \d of 3/ });
    expect(buttons).toHaveLength(3);
    // One tab stop for the row: the chosen thumbnail.
    expect(buttons.map((b) => b.tabIndex)).toEqual([0, -1, -1]);
    expect(buttons[0]!.getAttribute("aria-current")).toBe("true");
  });

  it("moves with the arrow keys, Home and End, wrapping, and follows focus", async () => {
    const user = userEvent.setup();
    render(<PhotoGallery photos={photos} title="Tent" />);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Show photo 1 of 3" }));
    await user.keyboard("{ArrowRight}");
    expect(screen.getByRole("img", { name: "Tent, photo 2 of 3" })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Show photo 2 of 3" }));
    await user.keyboard("{End}");
    expect(screen.getByRole("img", { name: "Tent, photo 3 of 3" })).toBeTruthy();
    await user.keyboard("{ArrowRight}");
    expect(screen.getByRole("img", { name: "Tent, photo 1 of 3" })).toBeTruthy();
    await user.keyboard("{ArrowLeft}");
    expect(screen.getByRole("img", { name: "Tent, photo 3 of 3" })).toBeTruthy();
    await user.keyboard("{Home}");
    expect(screen.getByRole("img", { name: "Tent, photo 1 of 3" })).toBeTruthy();
  });

  it("shows a photo chosen by click, and a single photo without thumbnails", async () => {
    const user = userEvent.setup();
    const { rerender } = render(<PhotoGallery photos={photos} title="Tent" />);
    await user.click(screen.getByRole("button", { name: "Show photo 3 of 3" }));
    expect(screen.getByRole("img", { name: "Tent, photo 3 of 3" })).toBeTruthy();
    rerender(<PhotoGallery photos={photos.slice(0, 1)} title="Tent" />);
    expect(screen.getByRole("img", { name: "Photo of Tent" })).toBeTruthy();
    expect(screen.queryAllByRole("button")).toHaveLength(0);
  });

  it("renders nothing without photos", () => {
    const { container } = render(<PhotoGallery photos={[]} title="Tent" />);
    expect(container.innerHTML).toBe("");
  });
});
