import { getEnv } from "@/env";

try {
  getEnv();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\nRefusing to start.\n`);
  process.exit(1);
}
