import { describe, expect, it } from "vitest";
import { isPhotoFile, pageWithSitePhotos, sitePhotoPath, withSitePhotos } from "@/server/site-photos";

const ID = "01968a3e-7c1b-7d2e-9f00-123456789abc";

describe("sitePhotoPath", () => {
  it("turns the Inventory API's absolute photo URLs into paths on this site", () => {
    expect(sitePhotoPath(`http://localhost:4002/photos/${ID}/display.webp`)).toBe(
      `/photos/${ID}/display.webp`,
    );
    expect(sitePhotoPath(`https://api.example/inventory/photos/${ID}/thumb.webp`)).toBe(
      `/photos/${ID}/thumb.webp`,
    );
  });

  it("leaves anything that is not a photo file as it was", () => {
    for (const url of [
      `http://localhost:4002/photos/${ID}/original.jpg`,
      "http://localhost:4002/photos/../secrets/display.webp",
      "http://localhost:4002/items/1",
      "not a url",
    ])
      expect(sitePhotoPath(url)).toBe(url);
  });
});

describe("isPhotoFile", () => {
  it("accepts a photo id and one of the two file names only", () => {
    expect(isPhotoFile(ID, "display.webp")).toBe(true);
    expect(isPhotoFile(ID, "thumb.webp")).toBe(true);
    for (const [id, file] of [
      ["..", "display.webp"],
      [ID, "../display.webp"],
      [ID, "display.png"],
      ["a/b", "thumb.webp"],
      ["a%2Fb", "thumb.webp"],
      ["x".repeat(65), "thumb.webp"],
      ["", "thumb.webp"],
    ] as const)
      expect(isPhotoFile(id, file), `${id} ${file}`).toBe(false);
  });
});

describe("withSitePhotos", () => {
  it("maps every photo of an item, and of every item on a page", () => {
    const item = {
      id: "i1",
      photos: [
        {
          id: ID,
          url: `http://localhost:4002/photos/${ID}/display.webp`,
          thumbnailUrl: `http://localhost:4002/photos/${ID}/thumb.webp`,
          width: 10,
          height: 10,
        },
      ],
    };
    expect(withSitePhotos(item).photos[0]).toMatchObject({
      url: `/photos/${ID}/display.webp`,
      thumbnailUrl: `/photos/${ID}/thumb.webp`,
    });
    expect(pageWithSitePhotos({ items: [item], nextCursor: null }).items[0]?.photos[0]?.url).toBe(
      `/photos/${ID}/display.webp`,
    );
    expect(item.photos[0]?.url).toContain("localhost:4002");
  });
});
