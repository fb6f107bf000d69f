// Playwright `globalSetup`: the mailbox for the whole run (see mailbox.ts). What it answers is
// the teardown Playwright runs after the last test.
import { startMailbox } from "./mailbox.ts";

export default function globalSetup(): Promise<() => Promise<void>> {
  return startMailbox();
}
