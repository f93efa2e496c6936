import { defineConfig } from "vitest/config";

// Two projects: "unit" covers pure cores, the data layer and the API in-process (run on PGlite by
// default, on PostgreSQL with RENKEI_TEST_DB=postgres); "e2e" drives the built web app in Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["src/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: "forks",
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.e2e.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
