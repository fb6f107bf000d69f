import { fuzzSuite } from "./suite.ts";

fuzzSuite("users", "User API");
