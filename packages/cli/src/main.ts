import { processIo } from "./io.ts";
import { runCli } from "./run.ts";

// The `sharehood` command (bin/sharehood.mjs loads this file through tsx).
process.exitCode = await runCli(process.argv.slice(2), processIo());
