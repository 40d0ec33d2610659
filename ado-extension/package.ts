import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";

/**
 * Packs the marketplace .vsix from the built extension (ado-extension/dist) with tfx-cli,
 * offline. Publisher, extension id, version, visibility and the Groundwork URL the panels call
 * are settings, written into a staged copy of the manifest and pages.
 *
 *   PUBLIC_URL=https://groundwork.example.com ADO_PUBLISHER=acme npm run package:ado
 */
const root = path.resolve(import.meta.dirname, "..");
const here = import.meta.dirname;

const Settings = z.object({
  PUBLIC_URL: z.url({ message: "set PUBLIC_URL to the Groundwork server the panels call, e.g. https://groundwork.example.com" }),
  ADO_PUBLISHER: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/)
    .default("groundwork"),
  ADO_EXTENSION_ID: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/)
    .default("groundwork"),
  ADO_EXTENSION_VERSION: z
    .string()
    .regex(/^\d+\.\d+\.\d+$/, { message: "must look like 1.2.3" })
    .default("0.1.0"),
  ADO_EXTENSION_PUBLIC: z.enum(["true", "false"]).default("false"),
  ADO_VSIX_DIR: z.string().default(path.join(root, "out")),
});

export function packageExtension(env: NodeJS.ProcessEnv = process.env) {
  const parsed = Settings.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== "")));
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join("\n"));
  const s = parsed.data;
  const dist = path.join(here, "dist");
  if (!fs.existsSync(path.join(dist, "pr-tab", "pr-tab.html"))) throw new Error("Build the extension first: npm run build:ado");
  const files = fs.readdirSync(dist, { recursive: true, encoding: "utf8" });
  const maps = files.filter((f) => f.endsWith(".map"));
  if (maps.length) throw new Error(`Source maps must not ship: ${maps.join(", ")}`);

  const stage = fs.mkdtempSync(path.join(os.tmpdir(), "groundwork-vsix-"));
  const url = s.PUBLIC_URL.replace(/\/$/, "");
  fs.cpSync(dist, path.join(stage, "dist"), { recursive: true });
  for (const f of files.filter((f) => f.endsWith(".html"))) {
    const file = path.join(stage, "dist", f);
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replaceAll("__GROUNDWORK_URL__", url));
  }
  fs.cpSync(path.join(here, "images"), path.join(stage, "images"), { recursive: true });
  fs.copyFileSync(path.join(here, "overview.md"), path.join(stage, "overview.md"));
  const manifest = JSON.parse(fs.readFileSync(path.join(root, "vss-extension.json"), "utf8"));
  Object.assign(manifest, {
    publisher: s.ADO_PUBLISHER,
    id: s.ADO_EXTENSION_ID,
    version: s.ADO_EXTENSION_VERSION,
    public: s.ADO_EXTENSION_PUBLIC === "true",
  });
  fs.writeFileSync(path.join(stage, "vss-extension.json"), JSON.stringify(manifest, null, 2));

  fs.mkdirSync(s.ADO_VSIX_DIR, { recursive: true });
  const vsix = path.join(s.ADO_VSIX_DIR, `${s.ADO_PUBLISHER}.${s.ADO_EXTENSION_ID}-${s.ADO_EXTENSION_VERSION}.vsix`);
  const tfx = path.join(root, "node_modules", ".bin", "tfx");
  const run = spawnSync(tfx, ["extension", "create", "--root", stage, "--manifest-globs", "vss-extension.json", "--output-path", vsix, "--no-prompt"], {
    cwd: stage,
    encoding: "utf8",
  });
  fs.rmSync(stage, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(`tfx extension create failed:\n${run.stdout}\n${run.stderr}`);
  return vsix;
}

if (process.argv[1] === import.meta.filename) {
  try {
    console.log(`Packed ${packageExtension()}`);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
