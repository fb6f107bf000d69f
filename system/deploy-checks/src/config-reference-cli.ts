// `npm run docs:config`: rewrites the table of docs/configuration.md from the environment schemas.
import { readFileSync, writeFileSync } from "node:fs";
import { CONFIGURATION_PAGE, renderConfigurationReference } from "./config-reference.ts";

const page = readFileSync(CONFIGURATION_PAGE, "utf8");
const rendered = await renderConfigurationReference(page);
if (rendered === page) {
  console.log("docs/configuration.md is up to date");
} else {
  writeFileSync(CONFIGURATION_PAGE, rendered);
  console.log("docs/configuration.md rewritten from the environment schemas");
}
