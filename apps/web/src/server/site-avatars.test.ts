import { describe, expect, it } from "vitest";
import { isAvatarFile, siteAvatarPath } from "@/server/site-avatars";
import { withSitePhotos } from "@/server/site-photos";

const FILE = "01968a3e-7c1b-7d2e-9f00-123456789abc.webp";

describe("avatar URLs", () => {
  it("turn the User API's absolute avatar URLs, or paths, into paths on this site", () => {
    expect(siteAvatarPath(`http://localhost:4001/avatars/${FILE}`)).toBe(`/avatars/${FILE}`);
    expect(siteAvatarPath(`https://api.example/users/avatars/${FILE}`)).toBe(`/avatars/${FILE}`);
    expect(siteAvatarPath(`/avatars/${FILE}`)).toBe(`/avatars/${FILE}`);
    expect(siteAvatarPath(null)).toBeNull();
  });

  it("drop anything that is not an avatar file, which no page could show anyway", () => {
    for (const url of [
      "http://localhost:4001/avatars/../secrets.webp",
      "http://localhost:4001/avatars/a.png",
      "http://localhost:4001/users/1",
      "javascript:alert(1)",
    ])
      expect(siteAvatarPath(url), url).toBeNull();
    for (const file of ["..", "../a.webp", "a/b.webp", `${"x".repeat(81)}.webp`, ".webp", "a.webp.png"])
      expect(isAvatarFile(file), file).toBe(false);
  });

  it("reach an item's owner along with its photos", () => {
    const item = {
      photos: [],
      owner: { id: "u1", name: "Olga", avatarUrl: `http://u:4001/avatars/${FILE}` },
    };
    expect(withSitePhotos(item).owner.avatarUrl).toBe(`/avatars/${FILE}`);
  });
});
