import type { Response } from "express";
/** Escapes text for HTML bodies and quoted attributes, for the few pages the backend renders itself. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Vite names built assets by their content hash, so they never change: cache them for a year. */
export const cacheHashedAssets = (res: Response, file: string) => {
  res.setHeader("Cache-Control", /[.-][A-Za-z0-9_-]{8}\.(js|css|woff2?|svg|png)$/.test(file) ? "public, max-age=31536000, immutable" : "no-cache");
};
