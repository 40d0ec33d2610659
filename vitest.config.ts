import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      { test: { name: "shared-types", root: "shared-types", include: ["src/**/*.test.ts"] } },
      {
        test: {
          name: "backend",
          root: "backend",
          include: ["src/**/*.test.ts"],
          setupFiles: ["../simulators/src/contractGuard.ts"],
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
        },
      },
      { test: { name: "ado-extension", root: "ado-extension", include: ["*.test.ts"], testTimeout: 120_000 } },
      { test: { name: "bitbucket-connect-app", root: "bitbucket-connect-app", include: ["*.test.ts"] } },
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
