/**
 * `npm run bench`: the durable ingest path against a bare Express handler, side by side,
 * under the same load from this (separate) process. Prints a table and writes bench-results.json.
 */
import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const FIXED_RATE = 500;
const root = path.resolve(import.meta.dirname, "../..");
const payload = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "../src/hosts/ado/fixtures/git.pullrequest.created.json"), "utf8"));

async function startTarget(mode: string) {
  const child = fork(path.join(import.meta.dirname, "ingestServer.ts"), [mode], { execArgv: ["--import", "tsx"] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (m) => resolve((m as { port: number }).port));
    child.once("exit", (code) => reject(new Error(`${mode} server exited with ${code}`)));
  });
  return { child, url: `http://127.0.0.1:${port}/hook` };
}

async function stop(child: ChildProcess) {
  child.send("stop");
  await new Promise((r) => child.once("exit", r));
}

async function load(url: string, rate?: number) {
  const result = await autocannon({
    url,
    method: "POST",
    connections: rate ? 20 : CONNECTIONS,
    duration: DURATION_S,
    ...(rate ? { overallRate: rate } : {}),
    headers: { "content-type": "application/json", "x-delivery-id": "[<id>]" },
    idReplacement: true,
    body: JSON.stringify(payload),
  });
  const ok = result["2xx"];
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx and ${result.errors} errors`);
  return { requestsPerSec: Math.round(ok / DURATION_S), p50Ms: result.latency.p50, p99Ms: result.latency.p99 };
}

const results: Record<string, { saturation: Awaited<ReturnType<typeof load>>; fixed500: Awaited<ReturnType<typeof load>> }> = {};
for (const mode of ["bare", "sqlite", "postgres"]) {
  const { child, url } = await startTarget(mode);
  await load(url, 200); // warm-up: JIT, connection pools, SQLite page cache
  results[mode] = { saturation: await load(url), fixed500: await load(url, FIXED_RATE) };
  await stop(child);
}

const bare = results.bare!;
const rows = Object.entries(results).map(([mode, r]) => ({
  target: mode === "bare" ? "bare Express 200" : `record-then-ack (${mode})`,
  "req/s": r.saturation.requestsPerSec,
  "× bare": +(r.saturation.requestsPerSec / bare.saturation.requestsPerSec).toFixed(2),
  "p50 ms": r.saturation.p50Ms,
  "p99 ms": r.saturation.p99Ms,
  "p99 ms @500/s": r.fixed500.p99Ms,
  "p99 × bare @500/s": +(r.fixed500.p99Ms / Math.max(1, bare.fixed500.p99Ms)).toFixed(2),
}));
console.table(rows);
const out = path.join(root, "bench-results.json");
fs.writeFileSync(
  out,
  JSON.stringify({ date: new Date().toISOString(), durationSeconds: DURATION_S, connections: CONNECTIONS, results, rows }, null, 2),
);
console.log(`written to ${out}`);
