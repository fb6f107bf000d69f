import fc from "fast-check";

/**
 * Hand-picked hostile strings: encodings that break naive code (NUL, lone surrogates, RTL and
 * zero-width marks, BOM, non-characters), injection probes (SQL, template, path traversal, script),
 * and values that look like other types. Fuzzed fields draw from these as well as random text.
 */
export const NASTY_STRINGS: readonly string[] = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "x\uDC00y",
  "\uDBFF\uDFFF",
  "\u202Egnp.exe\u202C",
  "\u200F\u200E\u200B\u2060",
  "\uFEFFbom",
  "\uFFFF\uFFFE",
  "\u0085\u2028\u2029",
  "Z\u0335\u0321\u031B\u033C\u034E\u0318a\u0300\u0300\u0342l\u0334go",
  "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
  "\uD835\uDD7F\uD835\uDD8A\uD835\uDD98\uD835\uDD99",
  "\u0645\u0631\u062D\u0628\u0627 \u05E9\u05DC\u05D5\u05DD",
  "\u4F60\u597D\u4E16\u754C",
  "' OR '1'='1",
  "'; DROP TABLE items; --",
  "1; SELECT pg_sleep(3) --",
  '" OR ""="',
  "' UNION ALL SELECT NULL, version() --",
  "%27%20OR%201%3D1",
  "\\'; --",
  "../../../../etc/passwd",
  "..\\..\\..\\windows\\win.ini",
  "%2e%2e%2f%2e%2e%2f",
  "${7*7}",
  "{{7*7}}",
  "#{7*7}",
  "<script>alert(1)</script>",
  "javascript:alert(1)",
  "__proto__",
  "constructor",
  "NaN",
  "Infinity",
  "-0",
  "1e309",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "0x1F",
  "\uFF19\uFF19",
  "\t\n\r",
  "%",
  "%E0%A4%A",
  "%ZZ",
  "\\u0000",
];

/** Id-shaped attacks on `:id` path segments. Sent percent-encoded or, when printable, raw. */
export const NASTY_IDS: readonly string[] = [
  "..",
  ".",
  "../../etc/passwd",
  "..%2f..%2fetc%2fpasswd",
  "%2e%2e",
  "%",
  "%E0%A4%A",
  "%ZZ",
  "%00",
  "%C0%AE%C0%AE",
  "1' OR '1'='1",
  "1;DROP TABLE loans--",
  "1 OR 1=1",
  "me",
  "null",
  "undefined",
  "0",
  "-1",
  "1.5",
  "1e10",
  "*",
  "__proto__",
  "00000000-0000-0000-0000-000000000000",
  "0199d7a0-0000-7000-8000-000000000000",
  "a".repeat(64),
  "a".repeat(65),
  "b".repeat(3000),
  "\u00e9t\u00e9",
  "\uD800",
  "\u202Eabc",
  "a b",
  "a/b",
  "a?b=c",
  "a#b",
];

/** Calendar trouble for date fields. */
export const BAD_DATES: readonly unknown[] = [
  "2025-02-29",
  "2024-02-30",
  "2024-13-01",
  "2024-00-10",
  "0000-00-00",
  "0001-01-01",
  "9999-12-31",
  "99999-01-01",
  "+002024-01-01",
  "2024-1-1",
  "24-01-01",
  "2024/01/01",
  "2024-01-01T00:00:00Z",
  "2024-01-01 ",
  "2024-01-01\u0000",
  "today",
  "",
  20240101,
  1.5e12,
  -1,
  true,
  null,
  [],
  {},
  "1970-01-01",
];

/** Keys nobody may set through a body (API.md), plus prototype pollution probes. */
export const FORBIDDEN_KEYS: readonly string[] = [
  "id",
  "ownerId",
  "borrowerId",
  "role",
  "status",
  "version",
  "createdAt",
  "updatedAt",
  "deletedAt",
  "passwordHash",
  "permissions",
  "__proto__",
  "constructor",
  "isAdmin",
];

/** A string from the nasty list or random text of any Unicode, including lone surrogates. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...NASTY_STRINGS),
        fc.string({ maxLength: 8 }),
        fc.constantFrom(...NASTY_STRINGS),
      )
      .map(([a, b, c]) => a + b + c),
  },
);

/** A long string: past every field limit, sometimes past the body limit (413). */
export const hugeString: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(121, 257, 1_001, 5_001, 20_000, 60_000, 120_000),
    fc.constantFrom("a", "\u00e9", "\uD83D\uDE00", " ", "\u0000"),
  )
  .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)));

/** Any JSON-ish value of the wrong kind. */
export const wrongTypeValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, [], {}, [[]], {
    a: 1,
  }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
  fc.jsonValue({ maxDepth: 3 }),
);
