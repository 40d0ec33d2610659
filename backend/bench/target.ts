/**
 * One benchmark target in its own process. "bare" is Express answering 200 on the same paths
 * after parsing the JSON; "sqlite" and "postgres" run Groundwork itself (the real routes, the
 * worker on) against a fake Azure DevOps organisation and a fake Bitbucket, connected the way
 * an owner connects them, and report what the load needs: URLs, secrets, and (at the end) when
 * each PR status reached the fake host and the peak RSS.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import express from "express";
import { QueryTypes } from "sequelize";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/log.js";
import { startGroundwork } from "../src/server.js";
import { adoHostsOf, fakeAdo, type FakeAdoState } from "../src/hosts/ado/fakeAdo.js";
import type { AdoPullRequest } from "../src/hosts/ado/client.js";
import { BitbucketHostDriver, fakeBitbucket, type FakeBitbucketState } from "../src/hosts/bitbucket/fakeBitbucket.js";
import { bindThroughConfigure, fakeHostsConfig } from "../src/testing/hostedApp.js";
import { FeedbackRow } from "../src/storage/models.js";
import { inviteMember, signUp } from "../src/testing/testApp.js";

import { bitbucketEvent, PULL_REQUESTS, type ListsInfo, type ListsRequest, type TargetInfo, type TargetReport } from "./protocol.js";

const mode = process.argv[2] as "bare" | "sqlite" | "postgres";
process.setSourceMapsEnabled(false); // as main.ts runs the product
const BITBUCKET_EVENT = bitbucketEvent();
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
let stop = async () => {};
let lists = async (_items: number): Promise<ListsInfo> => ({ cookie: "", paths: [] });
let report = async (): Promise<TargetReport> => ({ peakRssMb: Math.round(peakRss / 2 ** 20), statusAt: {}, statusPosts: {}, pendingJobs: 0 });

if (mode === "bare") {
  const app = express();
  app.post(["/api/webhooks/ado/:id", "/api/webhooks/bitbucket/:id", "/bitbucket/webhooks"], express.json({ limit: "5mb" }), (_req, res) => {
    res.status(202).json({ received: true });
  });
  const server = app.listen(0, "127.0.0.1", () => process.send!({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` } satisfies TargetInfo));
  stop = () => new Promise((r) => server.close(() => r()));
} else {
  const created = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "../src/hosts/ado/fixtures/git.pullrequest.created.json"), "utf8"));
  const repository = created.resource.repository;
  const adoState: FakeAdoState = {
    organization: "fabrikam",
    pat: "bench-pat-".padEnd(52, "b"),
    user: { id: "u1", displayName: "Bench", email: "bench@example.com" },
    projects: [{ id: repository.project.id, name: repository.project.name, repositories: [{ id: repository.id, name: repository.name }] }],
    pullRequests: Array.from({ length: PULL_REQUESTS }, (_, i) => ({ ...(created.resource as AdoPullRequest), pullRequestId: i + 1 })),
  };
  const install = { clientKey: "{b3c4b3c4-0000-4000-8000-000000000001}", sharedSecret: "bench-shared-secret-0123456789", principal: { uuid: "{b3c4b3c4-0000-4000-8000-0000000000ff}", username: "acme" } };
  const bbState: FakeBitbucketState = {
    token: "bench-bitbucket-token-0123456789",
    user: { uuid: "{00000000-0000-4000-8000-00000000a0a0}", display_name: "Bench", account_id: "1" },
    repositories: [{ workspace: "acme", slug: "widgets", uuid: "{r}" }],
    // The pull request the Bitbucket deliveries update (fixtures/pullrequest_updated.json, moved to acme/widgets).
    pullRequests: [{ workspace: "acme", slug: "widgets", pr: JSON.parse(BITBUCKET_EVENT).pullrequest }],
    commits: [`${JSON.parse(BITBUCKET_EVENT).pullrequest.source.commit.hash}${"0".repeat(28)}`],
    workspaceMembers: [{ workspace: install.principal.uuid, uuid: "{00000000-0000-4000-8000-00000000a0a0}", permission: "owner" }],
    maxPagelen: 100,
  };
  const ado = await fakeAdo(adoState).start();
  const bitbucket = await fakeBitbucket(bbState).start();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "groundwork-bench-"));
  const schema = `bench_${process.pid}`;
  const base = loadConfig({ PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "warn", DATA_DIR: dataDir });
  const running = await startGroundwork(
    {
      ...base,
      ...fakeHostsConfig(ado, bitbucket),
      database: mode === "sqlite" ? { dialect: "sqlite", storage: path.join(dataDir, "bench.db") } : { dialect: "postgres", url: process.env.DATABASE_URL!, schema },
      worker: { enabled: true, concurrency: 4, maxAttempts: 5 },
    },
    createLogger("warn"),
  );
  running.services.config.publicUrl = new URL(running.url);
  const { client: owner } = await signUp(running.url, "Bench", "bench@example.com");
  const connected = await owner.post("/api/integrations/ado", { orgUrl: "https://dev.azure.com/fabrikam", pat: adoState.pat });
  // Every pull request is linked, so each update posts a status.
  const objective = (await owner.post("/api/objectives", { title: "Bench", period: "2026-Q4" })).body;
  for (let i = 1; i <= PULL_REQUESTS; i++)
    await owner.post("/api/context-links", { targetType: "objective", targetId: objective.id, url: `https://dev.azure.com/fabrikam/${repository.project.name}/_git/${repository.name}/pullrequest/${i}` });
  const token = await owner.post("/api/integrations/bitbucket/token", { workspace: "acme", token: bbState.token });
  await new BitbucketHostDriver(bbState, `${running.url}/bitbucket`).install(install);
  await bindThroughConfigure(running.url, owner, install);
  // The fakes keep every request they get; fold the status posts into times and let the rest go, so they do not hold memory.
  const statusAt: Record<number, number[]> = {};
  const statusPosts: Record<number, number> = {};
  const drain = () => {
    for (const r of ado.requests.splice(0)) {
      const pr = r.method === "POST" && /pullRequests\/(\d+)\/statuses$/.exec(r.path)?.[1];
      if (pr) {
        (statusAt[Number(pr)] ??= []).push(r.at);
        statusPosts[Number(pr)] = (statusPosts[Number(pr)] ?? 0) + 1;
      }
    }
    bitbucket.requests.splice(0);
    adoState.statuses?.splice(0);
    bbState.statuses?.splice(0);
  };
  drain();
  for (const key of Object.keys(statusPosts)) delete statusPosts[Number(key)];
  const drainer = setInterval(drain, 250);

  process.send!({
    url: running.url,
    ado: { path: new URL(connected.body.webhook.webhookUrl).pathname, password: connected.body.webhook.webhookSecret },
    bitbucketToken: { path: new URL(token.body.webhookUrl).pathname, secret: bbState.hooks![0]!.secret! },
    connect: { clientKey: install.clientKey, sharedSecret: install.sharedSecret },
  } satisfies TargetInfo);
  // A second workspace whose history grows between list measurements.
  const reader = await signUp(running.url, "Lists", "lists@example.com");
  const subjectId = (await inviteMember(reader.client, "subject@example.com", "Sam Subject")).session.member.id;
  lists = async (items) => {
    const have = await FeedbackRow.count({ where: { workspaceId: reader.session.workspace.id } });
    const row = { workspaceId: reader.session.workspace.id, authorId: reader.session.member.id, subjectId, visibility: "shared_with_subject" as const };
    for (let n = have; n < items; n += 500)
      await FeedbackRow.bulkCreate(
        Array.from({ length: Math.min(500, items - n) }, (_, i) => ({ ...row, body: `Feedback number ${n + i}: thorough review of the payments change.` })),
      );
    return { cookie: reader.client.cookie, paths: ["/api/feedback", "/api/link-targets?q=payments", `/api/members/${subjectId}/contributions`] };
  };
  report = async () => {
    drain();
    const [row] = await running.services.storage.sequelize.query<{ n: number }>("SELECT COUNT(*) AS n FROM jobs WHERE status IN ('queued', 'running')", {
      type: QueryTypes.SELECT,
    });
    return { peakRssMb: Math.round(peakRss / 2 ** 20), statusAt, statusPosts, pendingJobs: Number(row!.n) };
  };
  stop = async () => {
    clearInterval(drainer);
    await running.close();
    if (mode === "postgres") {
      const { Sequelize } = await import("sequelize");
      const admin = new Sequelize(process.env.DATABASE_URL!, { logging: false });
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.close();
    }
    await ado.stop();
    await bitbucket.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

process.on("message", (msg) => {
  if (typeof msg === "object" && msg && "lists" in msg) void lists((msg as ListsRequest).lists).then((r) => process.send!(r));
  if (msg === "report") void report().then((r) => process.send!(r));
  if (msg === "stop") {
    clearInterval(sampler);
    void stop().then(() => process.exit(0));
  }
});
