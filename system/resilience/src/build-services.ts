import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../..", import.meta.url));

/** The suite runs the production bundles, as deployed: build them once before any scenario. */
export default function setup(): void {
  for (const service of ["@sharehood/user-api", "@sharehood/inventory-api"]) {
    execFileSync("npm", ["run", "--silent", "generate", "-w", service], { cwd: root, stdio: "ignore" });
    execFileSync("npm", ["run", "--silent", "build", "-w", service], { cwd: root, stdio: "ignore" });
  }
}
