/**
 * One benchmark target in its own process. "bare" is Express answering 200 on the same paths
 * after parsing the JSON; "sqlite" and "postgres" run Groundwork itself (the real routes, the
 * worker on) against a fake Azure DevOps organisation and a fake Bitbucket (hosts.ts, another
 * process), connected the way an owner connects them, and report what the load needs: URLs,
 * secrets, and (at the end) when each PR status reached the fake host and the peak RSS.
 */
import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { AddressInfo } from "node:net";
import express from "express";
import { QueryTypes } from "sequelize";
import { adoPullRequestKey } from "@groundwork/shared-types";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/log.js";
import { startGroundwork } from "../src/server.js";
import { bindThroughConfigure } from "../src/testing/hostedApp.js";
import { ContextItemRow, ContextLinkRow, FeedbackRow } from "../src/storage/models.js";
import { inviteMember, signUp } from "../src/testing/testApp.js";

import {
  PULL_REQUESTS,
  type HostsInfo,
  type LoopDelay,
  type HostsRequest,
  type ListsInfo,
  type ListsRequest,
  type StatusPosts,
  type TargetInfo,
  type TargetReport,
} from "./protocol.js";

const mode = process.argv[2] as "bare" | "sqlite" | "postgres";
process.setSourceMapsEnabled(false); // as main.ts runs the product
let peak = process.memoryUsage();
const sampler = setInterval(() => {
  const now = process.memoryUsage();
  if (now.rss > peak.rss) peak = now;
}, 100);
// How long the event loop was held up during a load (reset by "loopDelay"): what a slow acknowledgement waited on.
const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
const peakMemory = () => ({ rssMb: mb(peak.rss), heapMb: mb(peak.heapTotal), heapUsedMb: mb(peak.heapUsed), externalMb: mb(peak.external) });
let stop = async () => {};
let lists = async (_items: number): Promise<ListsInfo> => ({ cookie: "", paths: [] });
let report = async (): Promise<TargetReport> => ({ peak: peakMemory(), statusAt: {}, statusPosts: {}, pendingJobs: 0 });

if (mode === "bare") {
  const app = express();
  app.post(["/api/webhooks/ado/:id", "/api/webhooks/bitbucket/:id", "/bitbucket/webhooks"], express.json({ limit: "5mb" }), (_req, res) => {
    res.status(202).json({ received: true });
  });
  const server = app.listen(0, "127.0.0.1", () => process.send!({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` } satisfies TargetInfo));
  stop = () => new Promise((r) => server.close(() => r()));
} else {
  // The fakes run in a process of their own: what is sampled here is Groundwork's alone.
  const hosts = fork(path.join(import.meta.dirname, "hosts.ts"), [], { execArgv: ["--import", "tsx"] });
  const ask = <T>(msg: HostsRequest) =>
    new Promise<T>((resolve) => {
      hosts.once("message", (m) => resolve(m as T));
      hosts.send(msg);
    });
  const fakes = await new Promise<HostsInfo>((resolve) => hosts.once("message", (m) => resolve(m as HostsInfo)));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "groundwork-bench-"));
  const schema = `bench_${process.pid}`;
  const base = loadConfig({ PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "warn", DATA_DIR: dataDir });
  const running = await startGroundwork(
    {
      ...base,
      adoBaseUrl: fakes.ado.baseUrl,
      adoIdentityUrl: fakes.ado.identityUrl,
      bitbucket: { ...base.bitbucket, apiUrl: fakes.bitbucketUrl, allowedBaseUrls: ["https://bitbucket.org"], appKey: "groundwork" },
      database:
        mode === "sqlite" ? { dialect: "sqlite", storage: path.join(dataDir, "bench.db") } : { dialect: "postgres", url: process.env.DATABASE_URL!, schema },
      worker: { ...base.worker, enabled: true, maxAttempts: 5 },
    },
    createLogger("warn"),
  );
  running.services.config.publicUrl = new URL(running.url);
  const { client: owner } = await signUp(running.url, "Bench", "bench@example.com");
  const connected = await owner.post("/api/integrations/ado", { orgUrl: "https://dev.azure.com/fabrikam", pat: fakes.adoPat });
  // Every pull request is linked, so each update posts a status.
  const objective = (await owner.post("/api/objectives", { title: "Bench", period: "2026-Q4" })).body;
  for (let i = 1; i <= PULL_REQUESTS; i++)
    await owner.post("/api/context-links", {
      targetType: "objective",
      targetId: objective.id,
      url: `https://dev.azure.com/fabrikam/${fakes.adoRepository.project}/_git/${fakes.adoRepository.name}/pullrequest/${i}`,
    });
  const token = await owner.post("/api/integrations/bitbucket/token", { workspace: "acme", token: fakes.bitbucketToken });
  await ask({ ask: "install", appUrl: `${running.url}/bitbucket` });
  await bindThroughConfigure(running.url, owner, fakes.install);
  const { secret } = await ask<{ secret: string }>({ ask: "hookSecret" });
  await ask({ ask: "forget" });

  // A second workspace whose history grows between list measurements.
  const reader = await signUp(running.url, "Lists", "lists@example.com");
  const subjectId = (await inviteMember(reader.client, "subject@example.com", "Sam Subject")).session.member.id;
  lists = async (items) => {
    const have = await FeedbackRow.count({ where: { workspaceId: reader.session.workspace.id } });
    const row = { workspaceId: reader.session.workspace.id, authorId: reader.session.member.id, subjectId, visibility: "shared_with_subject" as const };
    // Each piece of feedback has a pull request of its own attached: the subject's contributions grow with it.
    const workspaceId = reader.session.workspace.id;
    for (let n = have; n < items; n += 500) {
      const batch = Array.from({ length: Math.min(500, items - n) }, (_, i) => n + i);
      const feedback = await FeedbackRow.bulkCreate(batch.map((k) => ({ ...row, body: `Feedback number ${k}: thorough review of the payments change.` })));
      const prs = await ContextItemRow.bulkCreate(
        batch.map((k) => ({
          workspaceId,
          host: "ado" as const,
          kind: "pull_request" as const,
          url: `https://dev.azure.com/fabrikam/Lists/_git/payments/pullrequest/${k + 1}`,
          externalKey: adoPullRequestKey("fabrikam", "Lists", "payments", k + 1),
          hostIds: { organization: "fabrikam", project: "Lists", repository: "payments", pullRequestId: k + 1 },
          metadataStatus: "fetched" as const,
          metadata: null,
          title: `Payments change ${k + 1}`,
          state: "completed",
          authorEmailNormalized: null,
          fetchedAt: new Date(),
        })),
      );
      await ContextLinkRow.bulkCreate(
        feedback.map((f, i) => ({
          workspaceId,
          contextItemId: prs[i]!.id,
          targetType: "feedback" as const,
          targetId: f.id,
          note: null,
          linkedBy: reader.session.member.id,
        })),
      );
    }
    return { cookie: reader.client.cookie, paths: ["/api/feedback", "/api/link-targets?q=payments", `/api/members/${subjectId}/contributions`] };
  };

  process.send!({
    url: running.url,
    ado: { path: new URL(connected.body.webhook.webhookUrl).pathname, password: connected.body.webhook.webhookSecret },
    bitbucketToken: { path: new URL(token.body.webhookUrl).pathname, secret },
    connect: { clientKey: fakes.install.clientKey, sharedSecret: fakes.install.sharedSecret },
  } satisfies TargetInfo);
  report = async () => {
    const posts = await ask<StatusPosts>({ ask: "statuses" });
    const [row] = await running.services.storage.sequelize.query<{ n: number }>("SELECT COUNT(*) AS n FROM jobs WHERE status IN ('queued', 'running')", {
      type: QueryTypes.SELECT,
    });
    return { peak: peakMemory(), ...posts, pendingJobs: Number(row!.n) };
  };
  stop = async () => {
    await running.close();
    if (mode === "postgres") {
      const { Sequelize } = await import("sequelize");
      const admin = new Sequelize(process.env.DATABASE_URL!, { logging: false });
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.close();
    }
    hosts.send({ ask: "stop" } satisfies HostsRequest);
    await new Promise((r) => hosts.once("exit", r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

process.on("message", (msg) => {
  if (typeof msg === "object" && msg && "lists" in msg) void lists((msg as ListsRequest).lists).then((r) => process.send!(r));
  if (msg === "loopDelay") {
    process.send!({ p99Ms: Math.round(loop.percentile(99) / 1e6) } satisfies LoopDelay);
    loop.reset();
  }
  if (msg === "report") void report().then((r) => process.send!(r));
  if (msg === "stop") {
    clearInterval(sampler);
    void stop().then(() => process.exit(0));
  }
});
