import { ApiConnectionError, ApiError, type AuthResult } from "@sharehood/sdk";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionTokens } from "./session-token.ts";

const refresh = vi.fn<(input: { body: { refreshToken: string } }) => Promise<AuthResult>>();
vi.mock("@/env", () => ({ getEnv: () => ({ AUTH_REFRESH_MARGIN_SECONDS: 60 }) }));
vi.mock("@/server/api-client", () => ({ apiClient: () => ({ auth: { refresh } }) }));

const { endedBySuspension, ensureFreshTokens } = await import("./token-refresh.ts");

const viewer = { id: "u1", name: "Rex", email: "rex@example.test", role: "user" as const, permissions: [] };
let rotations = 0;

function tokens(secondsLeft: number, refreshToken = "refresh-old"): SessionTokens {
  return {
    viewer,
    accessToken: "access-old",
    refreshToken,
    accessTokenExpiresAt: Date.now() + secondsLeft * 1000,
  };
}

beforeEach(() => {
  rotations = 0;
  refresh.mockReset().mockImplementation(async () => {
    rotations += 1;
    await new Promise((resolve) => setTimeout(resolve, 10));
    return {
      user: { ...viewer, createdAt: new Date().toISOString() },
      permissions: ["item.create"],
      accessToken: `access-${rotations}`,
      refreshToken: `refresh-${rotations}`,
      expiresAt: new Date(Date.now() + 900_000).toISOString(),
    } as unknown as AuthResult;
  });
});

describe("ensureFreshTokens", () => {
  it("leaves tokens with more than the margin left alone", async () => {
    const current = tokens(600);
    expect(await ensureFreshTokens(current)).toBe(current);
    expect(refresh).not.toHaveBeenCalled();
  });

  it("refreshes tokens inside the margin and answers the new pair, with the permissions it came with", async () => {
    const fresh = await ensureFreshTokens(tokens(30));
    expect(fresh?.viewer.permissions).toEqual(["item.create"]);
    expect(refresh).toHaveBeenCalledWith({ body: { refreshToken: "refresh-old" } });
    expect(fresh).toMatchObject({ accessToken: "access-1", refreshToken: "refresh-1" });
  });

  it("sends one refresh for callers of the same token at the same moment", async () => {
    const [first, second, third] = await Promise.all([
      ensureFreshTokens(tokens(30)),
      ensureFreshTokens(tokens(30)),
      ensureFreshTokens(tokens(30)),
    ]);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(second).toEqual(first);
    expect(third).toEqual(first);
  });

  it("remembers nothing once a refresh settled: the old cookie gets no new pair from this process", async () => {
    const first = await ensureFreshTokens(tokens(30));
    // Whoever shows the rotated token later asks the User API again, which decides (grace or theft).
    refresh.mockRejectedValueOnce(
      new ApiError({
        type: "about:blank",
        title: "Unauthorized",
        status: 401,
        detail: "reused",
        code: "unauthenticated",
        requestId: "r1",
      }),
    );
    expect(await ensureFreshTokens(tokens(30))).toBeNull();
    expect(refresh).toHaveBeenCalledTimes(2);
    expect(first?.refreshToken).toBe("refresh-1");
  });

  it("ends the session of a suspended account and remembers why, for the sign-in page", async () => {
    const current = tokens(30, "refresh-suspended");
    refresh.mockRejectedValueOnce(
      new ApiError({
        type: "about:blank",
        title: "Forbidden",
        status: 403,
        detail: "This account is suspended.",
        code: "account_suspended",
        requestId: "r2",
      }),
    );
    expect(endedBySuspension(current)).toBe(false);
    expect(await ensureFreshTokens(current)).toBeNull();
    expect(endedBySuspension(current)).toBe(true);
    expect(endedBySuspension(tokens(30, "refresh-other"))).toBe(false);
  });

  it("keeps the current tokens when the User API cannot be reached", async () => {
    const current = tokens(30);
    refresh.mockRejectedValueOnce(new ApiConnectionError("connection refused", { isTimeout: false }));
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(await ensureFreshTokens(current)).toBe(current);
  });
});
