import nextPlugin from "@next/eslint-plugin-next";
import base from "@sharehood/eslint-config";
import reactHooks from "eslint-plugin-react-hooks";

export default [
  { ignores: ["next-env.d.ts", "e2e-artifacts/**", "playwright-report/**", "test-results/**"] },
  ...base,
  reactHooks.configs.flat.recommended,
  nextPlugin.configs["core-web-vitals"],
  {
    files: ["**/*.ts", "**/*.tsx"],
    // Server actions are async functions handed to forms and buttons; React awaits them.
    rules: {
      "@typescript-eslint/no-misused-promises": [
        "error",
        { checksVoidReturn: { arguments: false, attributes: false } },
      ],
    },
  },
];
