import { fuzzSuite } from "./suite.ts";

fuzzSuite("notifications", "Notification API");
