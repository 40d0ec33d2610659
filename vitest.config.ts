import { defineConfig } from "vitest/config";

// Tests run in a shuffled order, so none can lean on one run before it; TEST_SEED=<the printed seed> repeats an order.
const seed = Number(process.env.TEST_SEED ?? Date.now() % 1_000_000);
console.log(`tests shuffled with TEST_SEED=${seed}`);
const shuffled = { sequence: { shuffle: { files: false, tests: true }, seed } };

export default defineConfig({
  test: {
    projects: [
      { test: { name: "shared-types", root: "shared-types", include: ["src/**/*.test.ts"], ...shuffled } },
      {
        test: {
          name: "backend",
          root: "backend",
          include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
          setupFiles: ["../simulators/src/contractGuard.ts"],
          ...shuffled,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "simulators",
          root: "simulators",
          include: ["src/**/*.test.ts"],
          setupFiles: ["src/contractGuard.ts"],
          ...shuffled,
        },
      },
      { test: { name: "ado-extension", root: "ado-extension", include: ["*.test.ts"], testTimeout: 120_000 } },
      { test: { name: "bitbucket-connect-app", root: "bitbucket-connect-app", include: ["*.test.ts"] } },
      // Atlassian's validator compiles its whole schema first: seconds on a busy machine.
      { test: { name: "bitbucket-forge-app", root: "bitbucket-forge-app", include: ["*.test.ts"], testTimeout: 60_000 } },
      {
        test: {
          name: "web",
          root: "web",
          include: ["e2e/**/*.test.ts"],
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
