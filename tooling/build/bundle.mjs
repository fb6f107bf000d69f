#!/usr/bin/env node
// Bundles a service entry (and the workspace TypeScript it imports) into dist/ for `node dist/main.js`.
// Packages from node_modules stay external: they are installed next to the service in production.
import { build } from "esbuild";
import { basename, resolve } from "node:path";

const entries = process.argv.slice(2);
if (entries.length === 0) {
  console.error("usage: bundle.mjs <entry.ts> [...]");
  process.exit(2);
}
const entryFiles = new Set(entries.map((entry) => resolve(entry)));
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
  // Workspace packages are TypeScript source: bundle them; every other package stays external,
  // except @opentelemetry/api: it is bundled from the copy next to the code that imports it (the
  // repository root holds an older one, and the images none), and its copies share one registry.
  plugins: [
    {
      name: "externalise-registry-packages",
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith("@sharehood/") || args.path === "@opentelemetry/api"
            ? undefined
            : { path: args.path, external: true },
        );
      },
    },
    {
      // `await import("./serve.ts")` of another entry stays a separate file (dist/serve.js), loaded
      // when the importer asks: main.ts sets tracing up before the server's packages load.
      name: "entries-import-entries",
      setup(b) {
        b.onResolve({ filter: /^\./ }, (args) => {
          if (args.kind !== "dynamic-import") return undefined;
          const target = resolve(args.resolveDir, args.path);
          return entryFiles.has(target)
            ? { path: `./${basename(target).replace(/\.ts$/, ".js")}`, external: true }
            : undefined;
        });
      },
    },
  ],
  logLevel: "warning",
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
console.log(`built ${entries.map((e) => basename(e)).join(", ")} -> dist/`);
