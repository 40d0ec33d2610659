/**
 * The history import against a rate-limited fake Azure DevOps organisation: 10,000 pull requests
 * over 20 repositories (`BENCH_IMPORT_PRS`), the organisation allowing `BENCH_IMPORT_RATE` calls
 * a second (over a 10-second window). Prints the share of the allowed rate the import used, the
 * calls refused with 429, and the service hook's p99 at 50 deliveries/s while idle and during the
 * import. Groundwork runs in a process of its own (importTarget.ts), on PostgreSQL when
 * DATABASE_URL names one, else SQLite; the fake and the load run here.
 */
import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import { adoHostsOf, fakeAdo, type FakeAdoState } from "@groundwork/simulators/ado/fakeAdo";
import { adoHistory } from "@groundwork/simulators/history";
import { hostSample } from "@groundwork/simulators/samples";
import type { HistoryImport } from "@groundwork/shared-types";
import type { ImportTargetInfo } from "./importTarget.js";

const PRS = Number(process.env.BENCH_IMPORT_PRS ?? 10_000);
const REPOSITORIES = 20;
const RATE = Number(process.env.BENCH_IMPORT_RATE ?? 2);
const WINDOW_MS = 10_000;
const LIVE_RATE = 50;
const project = { id: "p-bench", name: "Fabrikam" };
const repositories = Array.from({ length: REPOSITORIES }, (_, r) => ({ id: `r-${r}`, name: `service-${r}` }));
const people = Array.from({ length: 12 }, (_, i) => ({ name: `Dev ${i}`, email: `dev${i}@example.com`, account: `dev-${i}` }));
const state: FakeAdoState = {
  organization: "fabrikam",
  pat: "import-bench-pat-".padEnd(52, "i"),
  user: { id: "u1", displayName: "Bench", email: "bench-import@example.com" },
  projects: [{ ...project, repositories }],
  pageSize: 100,
  pullRequests: [],
};
const ado = await fakeAdo(state).start();
const updated = hostSample("ado", "git.pullrequest.updated.json");

/** One target from start to stop: idle p99, then the import with its p99 during it. */
async function run(mode: "sqlite" | "postgres") {
  const child = fork(path.join(import.meta.dirname, "importTarget.ts"), [], {
    execArgv: ["--import", "tsx", "--max-old-space-size=192"],
    env: { ...process.env, ...(mode === "sqlite" ? { DATABASE_URL: "" } : {}), BENCH_ADO: JSON.stringify({ ...adoHostsOf(ado), pat: state.pat }) },
  });
  const target = await new Promise<ImportTargetInfo>((resolve, reject) => {
    child.once("message", (m) => resolve(m as ImportTargetInfo));
    child.once("exit", (code) => reject(new Error(`the target exited with ${code}`)));
  });
  const api = (p: string, init: RequestInit = {}) =>
    fetch(`${target.url}${p}`, { ...init, headers: { "content-type": "application/json", cookie: target.cookie, "x-csrf-token": target.csrfToken } });
  const imports = async () => ((await (await api("/api/history-imports?limit=100")).json()) as { items: HistoryImport[] }).items;
  const settle = async () => {
    while ((await imports()).some((i) => i.status === "queued" || i.status === "importing")) await new Promise((r) => setTimeout(r, 500));
  };

  /** The service hook at 50 deliveries/s for `seconds`: its p99. */
  async function liveP99(seconds: number) {
    const result = await autocannon({
      url: `${target.url}${target.hookPath}`,
      connections: 10,
      duration: seconds,
      overallRate: LIVE_RATE,
      requests: [
        {
          method: "POST",
          setupRequest: (req) => ({
            ...req,
            headers: { "content-type": "application/json", authorization: `Basic ${Buffer.from(`groundwork:${target.hookPassword}`).toString("base64")}` },
            body: JSON.stringify({ ...updated, id: randomUUID() }),
          }),
        },
      ],
    });
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`the service hook answered ${result.non2xx} non-2xx and ${result.errors} errors`);
    return result.latency.p99;
  }

  await settle(); // the import connecting queued found nothing yet
  const idle = await liveP99(5);

  state.pullRequests = repositories.flatMap((r, i) =>
    adoHistory({ count: PRS / REPOSITORIES, days: 150, authors: people, firstId: i * 10_000 + 1 }, { ...r, project }),
  );
  state.rateLimit = { requests: RATE * (WINDOW_MS / 1000), windowMs: WINDOW_MS };
  state.throttled = 0;
  const callsBefore = ado.requests.length;
  const started = Date.now();
  const res = await api("/api/history-imports", { method: "POST", body: JSON.stringify({ host: "ado", connectionId: target.connectionId, months: 6 }) });
  if (res.status !== 202) throw new Error(`starting the import failed: ${res.status} ${await res.text()}`);
  await new Promise((r) => setTimeout(r, 3000));
  // Longer than the rate limit's window, so the import's paced calls and its bursts are both in it.
  const during = await liveP99(15);
  await settle();
  const seconds = (Date.now() - started) / 1000;
  const done = await imports();
  const calls = ado.requests.length - callsBefore;
  const imported = done.reduce((n, i) => n + i.imported, 0);

  const figures = {
    target: mode,
    "pull requests imported": imported,
    repositories: done.filter((i) => i.status === "done").length,
    seconds: Math.round(seconds),
    "calls to the host": calls,
    "calls/s (allowed)": `${(calls / seconds).toFixed(2)} (${RATE})`,
    "share of the allowed rate": +(calls / seconds / RATE).toFixed(2),
    "refused with 429": state.throttled ?? 0,
    "service hook p99 ms idle": idle,
    "service hook p99 ms during the import": during,
    "p99 × idle": +(during / Math.max(1, idle)).toFixed(2),
  };
  child.send("stop");
  await new Promise((r) => child.once("exit", r));
  // The next target meets the organisation as it was: empty, and not throttling.
  state.pullRequests = [];
  delete state.rateLimit;
  await new Promise((r) => setTimeout(r, WINDOW_MS));
  return figures;
}

const rows = [];
for (const mode of ["sqlite", ...(/^postgres/.test(process.env.DATABASE_URL ?? "") ? ["postgres" as const] : [])] as const) rows.push(await run(mode));
console.table(rows);
await ado.stop();
const out = process.env.BENCH_OUT ?? path.join(os.tmpdir(), `groundwork-import-bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
fs.writeFileSync(out.replace(/\.json$/, "") + "-import.json", JSON.stringify({ date: new Date().toISOString(), rows }, null, 2));
