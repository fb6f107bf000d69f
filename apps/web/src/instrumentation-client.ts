import { config } from "zod";

// Runs in the browser before the app's own code. The contract's schemas reach some client parts
// (their constants and helpers sit beside them: radii, rule limits, position rounding), and zod
// builds each object schema's fast parser with `new Function` unless told not to: the CSP, with no
// 'unsafe-eval', refuses that and reports a violation on every page. The browser parses little,
// so the interpreted path costs nothing noticeable.
config({ jitless: true });
