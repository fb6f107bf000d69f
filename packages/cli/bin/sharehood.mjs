#!/usr/bin/env node
// The `sharehood` command. The CLI is written in TypeScript and run through tsx like the rest of the
// repository; tsx's loader is registered in this process (rather than through the `tsx` CLI, which
// starts a second Node) so that a command starts in one process, quickly.
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
