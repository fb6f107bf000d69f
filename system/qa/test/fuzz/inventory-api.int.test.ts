import { fuzzSuite } from "./suite.ts";

fuzzSuite("inventory", "Inventory API");
