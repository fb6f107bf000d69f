// The whole Node side (packages, APIs, system suites, bench) linted in one run over ONE TypeScript
// program (tsconfig.node.json), so the SDK and the APIs are type-checked once rather than again in
// every package that imports them. Each package's own `npm run lint` (its eslint.config.js) stays
// for working in one place; the web app and the UI package keep theirs (DOM, Next).
import shared from "@sharehood/eslint-config";

export default [
  { ignores: ["apps/web/**", "packages/ui/**", "tooling/**", "**/.test-results/**"] },
  ...shared,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: {
      parserOptions: {
        projectService: false,
        project: ["./tsconfig.node.json"],
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
];
