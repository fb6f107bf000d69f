import type { NextConfig } from "next";

const config: NextConfig = {
  // The SDK and UI packages are TypeScript source inside the monorepo.
  transpilePackages: ["@sharehood/sdk", "@sharehood/ui"],
  poweredByHeader: false,
  reactStrictMode: true,
  // Item photos come from the Inventory API later; until then nothing is optimised remotely.
  images: { unoptimized: true },
  typedRoutes: false,
  headers() {
    return Promise.resolve([
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ]);
  },
};

export default config;
