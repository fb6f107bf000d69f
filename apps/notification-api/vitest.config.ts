import { defineTestConfig } from "@sharehood/vitest-config";

// Files run two at a time, except the message-email rule's, which waits out real delays.
export default defineTestConfig({}, { serial: ["test/messages.int.test.ts"] });
