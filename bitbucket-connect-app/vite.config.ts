import path from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** The PR panel and the configure page, served by the backend under /bitbucket/app; no source maps ship. */
export default defineConfig({
  root: path.resolve(import.meta.dirname, "src"),
  base: "/bitbucket/app/",
  plugins: [react()],
  build: {
    outDir: path.resolve(import.meta.dirname, "dist"),
    emptyOutDir: true,
    sourcemap: false,
    cssMinify: "esbuild",
    // The panel's one entry chunk is measured against its own budget (panel.test.ts).
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      input: {
        panel: path.resolve(import.meta.dirname, "src/panel/panel.html"),
        configure: path.resolve(import.meta.dirname, "src/configure/configure.html"),
      },
    },
  },
});
