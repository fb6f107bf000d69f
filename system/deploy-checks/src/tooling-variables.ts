import type { EnvSource } from "./env-declarations.ts";

/**
 * Variables only the test suites, the benchmarks and the QA tools read. They read them with plain
 * `process.env` lookups in their helpers, so they are declared here, for the configuration reference.
 */
export const toolingSources: EnvSource[] = [
  {
    readBy: "tests",
    variables: [
      {
        name: "TEST_DATABASE_URL",
        description: "server on which each test file creates its own database (local only)",
        displayDefault: "`postgresql://postgres@127.0.0.1:5432/postgres`",
      },
      {
        name: "TEST_REDIS_URL",
        description: "Redis for tests (each file uses its own namespace)",
        displayDefault: "`redis://127.0.0.1:6379`",
      },
    ],
  },
  {
    readBy: "e2e",
    variables: [
      {
        name: "PLAYWRIGHT_CHROMIUM_EXECUTABLE",
        description: "the Chromium the end-to-end tests and the Lighthouse benchmark drive",
        displayDefault: "`/usr/bin/chromium`",
      },
    ],
  },
  {
    readBy: "bench",
    variables: [
      {
        name: "BENCH_REDIS_URL",
        description: "Redis the benchmarks use",
        displayDefault: "`redis://127.0.0.1:6379`",
      },
      {
        name: "BENCH_REPLICAS_ROUNDS",
        description:
          "rounds and seconds per round of the `replicas` scenario (1 and 1: a quick check that it runs, figures meaningless)",
        displayDefault: "5, 3",
      },
      { name: "BENCH_REPLICAS_SECONDS", sameRowAs: "BENCH_REPLICAS_ROUNDS" },
      { name: "PLAYWRIGHT_CHROMIUM_EXECUTABLE" },
    ],
  },
  {
    readBy: "qa",
    variables: [
      {
        name: "FUZZ_SEED",
        description: "reproduce or lengthen a fuzzing run",
        displayDefault: "fixed seed, 12000, 8",
      },
      { name: "FUZZ_REQUESTS", sameRowAs: "FUZZ_SEED" },
      { name: "FUZZ_CONCURRENCY", sameRowAs: "FUZZ_SEED" },
    ],
  },
];
