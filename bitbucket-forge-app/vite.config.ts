import path from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * One Custom UI resource per build (FORGE_RESOURCE: panel or settings): Forge serves each
 * resource's folder on its own, so each holds all its files, linked relatively. No source maps ship.
 */
const resource = process.env.FORGE_RESOURCE ?? "panel";
export default defineConfig({
  root: path.resolve(import.meta.dirname, "src", resource),
  base: "./",
  plugins: [react()],
  build: {
    outDir: path.resolve(import.meta.dirname, "dist", resource),
    emptyOutDir: true,
    sourcemap: false,
    cssMinify: "esbuild",
    chunkSizeWarningLimit: 700,
  },
});
