import { defineTestConfig } from "@sharehood/vitest-config";

// The AWS SDK (the image storage) warns once per process that its 2027 releases need Node 22; true,
// but noise in tests.
export default defineTestConfig({ env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" } });
