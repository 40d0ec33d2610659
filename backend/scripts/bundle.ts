/**
 * Builds Groundwork for production (`npm run build:backend`: backend/dist/main.js, which
 * `npm run serve` runs with plain node). Running the TypeScript through tsx instead kept a
 * second V8 isolate for tsx's loader, about 50 MB of the process's memory, for nothing.
 * Packages from node_modules stay imports (resolved from backend/); the workspace's own
 * TypeScript (shared-types) is bundled in.
 */
import fs from "node:fs";
import path from "node:path";
import * as esbuild from "esbuild";

export const DIST = path.resolve(import.meta.dirname, "../dist");

export async function bundle(entry: string, outfile: string) {
  await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
    plugins: [
      {
        name: "groundwork",
        setup(build) {
          build.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith("@groundwork/") ? undefined : { external: true }));
          // Files find what sits beside them in the checkout (web/dist, the Connect descriptor) from
          // their own folder: in the bundle, that folder is reached from the bundle's.
          build.onLoad({ filter: /\.ts$/ }, async (args) => {
            const source = await fs.promises.readFile(args.path, "utf8");
            if (!source.includes("import.meta.dirname")) return undefined;
            const from = path.relative(path.dirname(outfile), path.dirname(args.path));
            return { contents: source.replaceAll("import.meta.dirname", `(import.meta.dirname + ${JSON.stringify(`/${from}`)})`), loader: "ts" };
          });
        },
      },
    ],
  });
}

if (process.argv[1] === import.meta.filename) await bundle(path.resolve(import.meta.dirname, "../src/main.ts"), path.join(DIST, "main.js"));
