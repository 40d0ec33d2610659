/**
 * `npm run bench`: Groundwork's real webhook routes — the Azure DevOps service hook (Basic
 * secret), the Bitbucket token webhook (X-Hub-Signature) and the Connect webhook (JWT) — with
 * the worker running, against bare Express on the same paths, interleaved over several rounds
 * so the machine's noise falls on all targets alike. PostgreSQL runs when DATABASE_URL names
 * one. Also: webhook → PR status on the fake host at a sustained rate, host calls for 200
 * updates of one PR, and peak RSS. Prints medians and spread; writes JSON outside the tree.
 */
import { createHmac, randomUUID } from "node:crypto";
import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { signAsBitbucket } from "@groundwork/simulators/bitbucket/fakeBitbucket";
import { hostSample } from "@groundwork/simulators/samples";
import { bundle, DIST } from "../scripts/bundle.js";
import {
  bitbucketEvent as readBitbucketEvent,
  PULL_REQUESTS,
  type ListsInfo,
  type ListsRequest,
  type LoopDelay,
  type TargetInfo,
  type TargetReport,
} from "./protocol.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const FIXED_RATE = 300;
/**
 * The fixed rate's p99 is over 3 times as long a load: in 4 s its p99 was the worst 12 of 1,200
 * acknowledgements, one stall of the machine's (bare Express's own p99 swung 9–54 ms between rounds).
 */
const FIXED_DURATION_S = 3 * DURATION_S;
const SUSTAINED_RATE = 50;
const postgres = /^postgres/.test(process.env.DATABASE_URL ?? "");
const modes = ["bare", "sqlite", ...(postgres ? ["postgres"] : [])] as const;
const adoEvent = hostSample("ado", "git.pullrequest.updated.json");
const bitbucketEvent = readBitbucketEvent();

// Built as `npm run serve` builds the product, and run as it runs it: plain node, no tsx.
const TARGET = path.join(DIST, "bench-target.js");
await bundle(path.join(import.meta.dirname, "target.ts"), TARGET);

async function start(mode: string) {
  // The heap limit `npm run serve` gives the product: V8 otherwise lets garbage pile up to a share of the machine's memory.
  const child = fork(TARGET, [mode], { execArgv: ["--max-old-space-size=192"], env: process.env });
  const info = await new Promise<TargetInfo>((resolve, reject) => {
    child.once("message", (m) => resolve(m as TargetInfo));
    child.once("exit", (code) => reject(new Error(`${mode} target exited with ${code}`)));
  });
  return { child, info };
}
const ask = <T>(child: ChildProcess, msg: string | ListsRequest) =>
  new Promise<T>((resolve) => {
    child.once("message", (m) => resolve(m as T));
    child.send(msg);
  });
const stop = async (child: ChildProcess) => {
  child.send("stop");
  await new Promise((r) => child.once("exit", r));
};

/** The three routes as their hosts call them; a bare target gets the same requests. */
function routes(info: TargetInfo, bare: TargetInfo) {
  const ado = info.ado ?? bare.ado!;
  const token = info.bitbucketToken ?? bare.bitbucketToken!;
  const connect = info.connect ?? bare.connect!;
  const body = JSON.stringify({ ...adoEvent, id: "[<id>]" });
  return {
    "ADO service hook": {
      url: `${info.url}${ado.path}`,
      headers: { "content-type": "application/json", authorization: `Basic ${Buffer.from(`groundwork:${ado.password}`).toString("base64")}` },
      body,
    },
    "Bitbucket token webhook": {
      url: `${info.url}${token.path}`,
      headers: {
        "content-type": "application/json",
        "x-event-key": "pullrequest:updated",
        "x-request-uuid": "[<id>]",
        "x-hub-signature": `sha256=${createHmac("sha256", token.secret).update(bitbucketEvent).digest("hex")}`,
      },
      body: bitbucketEvent,
    },
    "Connect webhook": {
      url: `${info.url}/bitbucket/webhooks`,
      headers: {
        "content-type": "application/json",
        "x-event-key": "pullrequest:updated",
        "x-request-uuid": "[<id>]",
        // qsh binds method and path, not the body: one token serves the whole run (3 minutes).
        authorization: `JWT ${signAsBitbucket(connect.clientKey, connect.sharedSecret, "POST", "/webhooks")}`,
      },
      body: JSON.stringify({ event: "pullrequest:updated", data: JSON.parse(bitbucketEvent) }),
    },
  };
}

/** Each request gets ids of its own (the hosts' event id or X-Request-UUID), so none is a cheap duplicate. */
const fresh = (text: string) => text.replaceAll("[<id>]", randomUUID());

async function load(route: { url: string; headers: Record<string, string>; body: string }, rate?: number) {
  const duration = rate ? FIXED_DURATION_S : DURATION_S;
  const result = await autocannon({
    url: route.url,
    connections: rate ? 20 : CONNECTIONS,
    duration,
    ...(rate ? { overallRate: rate } : {}),
    requests: [
      {
        method: "POST",
        setupRequest: (req) => ({
          ...req,
          headers: Object.fromEntries(Object.entries(route.headers).map(([k, v]) => [k, fresh(v)])),
          body: fresh(route.body),
        }),
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${route.url}: ${result.non2xx} non-2xx (${JSON.stringify(result.statusCodeStats)}) and ${result.errors} errors`);
  return { rps: result["2xx"] / duration, p99: result.latency.p99 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const spread = (xs: number[]) => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;

/** Waits for a target's worker to finish what the loads queued, so the next measurement starts clean. */
async function settled(child: ChildProcess) {
  for (let waited = 0; waited < 180_000; waited += 1000) {
    if ((await ask<TargetReport>(child, "report")).pendingJobs === 0) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error("the worker did not catch up within 3 minutes");
}

/** Nothing left over from an earlier load (another target's backlog included) competes with the next one. */
const settledAll = async () => {
  for (const [mode, { child }] of targets) if (mode !== "bare") await settled(child);
};

// Every target runs the same load once a round, round after round, each from a quiet machine.
const targets = new Map<string, Awaited<ReturnType<typeof start>>>();
for (const mode of modes) targets.set(mode, await start(mode));
const bareInfo = { ...targets.get("bare")!.info, ...targets.get("sqlite")!.info, url: targets.get("bare")!.info.url };
const samples: Record<string, Record<string, { rps: number[]; p99: number[]; loopP99: number[] }>> = {};
for (let round = 0; round <= ROUNDS; round++)
  for (const mode of modes) {
    const { info } = targets.get(mode)!;
    // Built afresh for each load: the Connect JWT lives three minutes, and settling takes a while.
    const route = (name: string) => routes(mode === "bare" ? bareInfo : info, bareInfo)[name as keyof ReturnType<typeof routes>];
    for (const name of Object.keys(routes(bareInfo, bareInfo))) {
      await settledAll();
      const saturated = await load(route(name));
      await settledAll();
      await ask(targets.get(mode)!.child, "loopDelay");
      const fixed = await load(route(name), FIXED_RATE);
      const delay = await ask<LoopDelay>(targets.get(mode)!.child, "loopDelay");
      if (round === 0) continue; // warm-up: JIT, pools, page cache
      const s = ((samples[name] ??= {})[mode] ??= { rps: [], p99: [], loopP99: [] });
      s.rps.push(saturated.rps);
      s.p99.push(fixed.p99);
      s.loopP99.push(delay.p99Ms);
    }
  }

const rows = Object.entries(samples).flatMap(([route, byMode]) => {
  const bare = byMode.bare!;
  return modes.map((mode) => {
    const s = byMode[mode]!;
    const ratios = s.rps.map((r, i) => r / bare.rps[i]!);
    const p99Ratios = s.p99.map((p, i) => p / Math.max(1, bare.p99[i]!));
    return {
      route,
      target: mode,
      "req/s (median)": Math.round(median(s.rps)),
      "× bare (median)": +median(ratios).toFixed(2),
      "× bare (spread)": spread(ratios),
      [`p99 ms @${FIXED_RATE}/s`]: median(s.p99),
      "p99 × bare": +median(p99Ratios).toFixed(2),
      // Beside the p99: a target whose loop is held up no longer than bare's waited on its writes, or the machine, not on its own code.
      "event-loop delay p99 ms": median(s.loopP99),
    };
  });
});
console.table(rows);

// Webhook → status on the host, at a sustained rate, each delivery updating another PR; then 200 updates of one PR.
const flows: Record<string, unknown> = {};
for (const mode of modes.filter((m) => m !== "bare")) {
  const { child, info } = targets.get(mode)!;
  await settledAll();
  const ado = routes(info, bareInfo)["ADO service hook"];
  const sent: { pr: number; at: number }[] = [];
  const deliveries = SUSTAINED_RATE * 10;
  for (let i = 0; i < deliveries; i++) {
    const pr = (i % PULL_REQUESTS) + 1;
    const at = Date.now();
    sent.push({ pr, at });
    void fetch(ado.url, {
      method: "POST",
      headers: ado.headers,
      body: JSON.stringify({ ...adoEvent, id: `flow-${mode}-${i}`, resource: { ...adoEvent.resource, pullRequestId: pr } }),
    });
    await new Promise((r) => setTimeout(r, 1000 / SUSTAINED_RATE));
  }
  // The sustained rate's statuses are measured at that rate alone: the burst below, started at
  // once, held up the last deliveries' and made them the p99.
  await settled(child);
  const burst = Array.from({ length: 200 }, (_, i) =>
    fetch(ado.url, {
      method: "POST",
      headers: ado.headers,
      body: JSON.stringify({ ...adoEvent, id: `burst-${mode}-${i}`, resource: { ...adoEvent.resource, pullRequestId: PULL_REQUESTS } }),
    }),
  );
  await Promise.all(burst);
  await settled(child);
  const report = await ask<TargetReport>(child, "report");
  const latencies = sent
    .filter((s) => s.pr !== PULL_REQUESTS)
    .map((s) => {
      const posted = (report.statusAt[s.pr] ?? []).find((t) => t >= s.at);
      return posted === undefined ? Infinity : posted - s.at;
    });
  const sorted = latencies.sort((a, b) => a - b);
  flows[mode] = {
    "webhook → status p50 ms": sorted[Math.floor(sorted.length / 2)],
    "webhook → status p99 ms": sorted[Math.floor(sorted.length * 0.99)],
    "status posts for 200 updates of one PR": report.statusPosts[PULL_REQUESTS] ?? 0,
    "peak RSS MB": report.peak.rssMb,
    "at peak: V8 heap MB (in use)": `${report.peak.heapMb} (${report.peak.heapUsedMb})`,
    "at peak: buffers MB": report.peak.externalMb,
  };
}
console.table(flows);

// Lists: one page costs the same in a workspace of 200 items and of 2,000.
const listRows: Record<string, unknown>[] = [];
for (const mode of modes.filter((m) => m !== "bare")) {
  const { child, info } = targets.get(mode)!;
  const timings = new Map<string, { p50: number; bytes: number }[]>();
  for (const items of [200, 2000]) {
    const { cookie, paths } = await ask<ListsInfo>(child, { lists: items });
    for (const p of paths) {
      const res = await fetch(`${info.url}${p}`, { headers: { cookie } });
      if (!res.ok) throw new Error(`${p}: ${res.status}`);
      const bytes = (await res.arrayBuffer()).byteLength;
      const run = await autocannon({ url: `${info.url}${p}`, connections: 10, duration: 3, headers: { cookie } });
      if (run.non2xx > 0 || run.errors > 0) throw new Error(`${p}: ${run.non2xx} non-2xx and ${run.errors} errors`);
      (timings.get(p) ?? timings.set(p, []).get(p)!).push({ p50: run.latency.p50, bytes });
    }
  }
  for (const [p, [small, large]] of timings)
    listRows.push({
      target: mode,
      list: p.replace(/[0-9a-f-]{36}/, ":id"),
      "p50 ms @200": small!.p50,
      "p50 ms @2,000": large!.p50,
      "time ×": +(large!.p50 / Math.max(1, small!.p50)).toFixed(2),
      "bytes @200": small!.bytes,
      "bytes @2,000": large!.bytes,
    });
}
console.table(listRows);
for (const { child } of targets.values()) await stop(child);

const out = process.env.BENCH_OUT ?? path.join(os.tmpdir(), `groundwork-bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
fs.writeFileSync(
  out,
  JSON.stringify(
    { date: new Date().toISOString(), rounds: ROUNDS, durationSeconds: DURATION_S, connections: CONNECTIONS, rows, flows, lists: listRows },
    null,
    2,
  ),
);
console.log(`written to ${out}`);
