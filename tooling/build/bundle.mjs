#!/usr/bin/env node
// Bundles a service entry (and the workspace TypeScript it imports) into dist/ for `node dist/main.js`.
// Packages from node_modules stay external: they are installed next to the service in production.
import { build } from "esbuild";
import { basename } from "node:path";

const entries = process.argv.slice(2);
if (entries.length === 0) {
  console.error("usage: bundle.mjs <entry.ts> [...]");
  process.exit(2);
}
await build({
  entryPoints: entries,
  outdir: "dist",
  // Flat output (dist/main.js, dist/migrate.js): code that finds ../prisma from its own URL works from either.
  entryNames: "[name]",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: true,
  // Workspace packages are TypeScript source: bundle them; every other package stays external.
  plugins: [
    {
      name: "externalise-registry-packages",
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith("@sharehood/") ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
  logLevel: "warning",
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
console.log(`built ${entries.map((e) => basename(e)).join(", ")} -> dist/`);
