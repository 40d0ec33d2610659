import path from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * One page per contribution (PR tab, settings hub), built with relative paths because the
 * marketplace serves them from its CDN under the extension's own base path. No source maps ship.
 */
export default defineConfig({
  root: path.resolve(import.meta.dirname, "src"),
  base: "./",
  plugins: [react()],
  resolve: {
    // Exactly one copy of the SDK may load in a frame ("Only one version of this module can be loaded").
    dedupe: ["azure-devops-extension-sdk", "react", "react-dom"],
  },
  build: {
    outDir: path.resolve(import.meta.dirname, "dist"),
    emptyOutDir: true,
    sourcemap: false,
    // azure-devops-ui's CSS uses syntax the default CSS minifier rejects.
    cssMinify: "esbuild",
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      input: {
        "pr-tab": path.resolve(import.meta.dirname, "src/pr-tab/pr-tab.html"),
        "settings-hub": path.resolve(import.meta.dirname, "src/settings-hub/settings-hub.html"),
      },
    },
  },
});
