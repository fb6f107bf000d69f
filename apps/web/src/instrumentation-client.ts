import { config } from "zod";

// Runs in the browser before the app's own code. The contract's schemas reach a few client parts
// (the item form checks a listing with them before sending it; the email settings and webhook
// pages read lists that sit beside them), and zod builds each object schema's fast parser with
// `new Function` unless told not to: the CSP, with no 'unsafe-eval', refuses that and reports a
// violation on every page. The browser parses little, so the interpreted path costs nothing
// noticeable.
config({ jitless: true });
