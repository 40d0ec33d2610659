/**
 * The fake Azure DevOps organisation and fake Bitbucket a benchmark target talks to, in a
 * process of their own so the target's memory and CPU are Groundwork's alone. Answers the
 * target over IPC: where the hosts are, installing the Connect app, the secret Groundwork
 * registered for its token webhook, and the status posts received since the last ask.
 */
import { adoHostsOf, fakeAdo, type FakeAdoState } from "@groundwork/simulators/ado/fakeAdo";
import type { AdoPullRequest } from "../src/hosts/ado/client.js";
import { BitbucketHostDriver, fakeBitbucket, type FakeBitbucketState } from "@groundwork/simulators/bitbucket/fakeBitbucket";
import { hostSample } from "@groundwork/simulators/samples";
import { bitbucketEvent, PULL_REQUESTS, type HostsInfo, type HostsRequest, type StatusPosts } from "./protocol.js";

const BITBUCKET_EVENT = bitbucketEvent();
const created = hostSample("ado", "git.pullrequest.created.json");
const repository = created.resource.repository;
const install = {
  clientKey: "{b3c4b3c4-0000-4000-8000-000000000001}",
  sharedSecret: "bench-shared-secret-0123456789",
  principal: { uuid: "{b3c4b3c4-0000-4000-8000-0000000000ff}", username: "acme" },
};
const adoState: FakeAdoState = {
  organization: "fabrikam",
  pat: "bench-pat-".padEnd(52, "b"),
  user: { id: "u1", displayName: "Bench", email: "bench@example.com" },
  projects: [{ id: repository.project.id, name: repository.project.name, repositories: [{ id: repository.id, name: repository.name }] }],
  pullRequests: Array.from({ length: PULL_REQUESTS }, (_, i) => ({ ...(created.resource as AdoPullRequest), pullRequestId: i + 1 })),
};
const BITBUCKET_TOKEN = "bench-bitbucket-token-0123456789";
const bbState: FakeBitbucketState = {
  token: BITBUCKET_TOKEN,
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

// The fakes keep every request they get; fold the status posts into times and let the rest go, so they do not hold memory.
const posts: StatusPosts = { statusAt: {}, statusPosts: {} };
const drain = () => {
  for (const r of ado.requests.splice(0)) {
    const pr = r.method === "POST" && /pullRequests\/(\d+)\/statuses$/.exec(r.path)?.[1];
    if (pr) {
      (posts.statusAt[Number(pr)] ??= []).push(r.at);
      posts.statusPosts[Number(pr)] = (posts.statusPosts[Number(pr)] ?? 0) + 1;
    }
  }
  bitbucket.requests.splice(0);
  adoState.statuses?.splice(0);
  bbState.statuses?.splice(0);
};
const drainer = setInterval(drain, 250);

process.on("message", (msg: HostsRequest) => {
  void (async () => {
    if (msg.ask === "install") {
      await new BitbucketHostDriver(bbState, msg.appUrl).install(install);
      process.send!({ installed: true });
    } else if (msg.ask === "hookSecret") process.send!({ secret: bbState.hooks![0]!.secret! });
    else if (msg.ask === "statuses") {
      drain();
      process.send!(posts);
    } else if (msg.ask === "forget") {
      drain();
      posts.statusAt = {};
      posts.statusPosts = {};
      process.send!({ forgotten: true });
    } else if (msg.ask === "stop") {
      clearInterval(drainer);
      await ado.stop();
      await bitbucket.stop();
      process.exit(0);
    }
  })();
});
process.send!({
  ado: adoHostsOf(ado),
  bitbucketUrl: bitbucket.url,
  adoPat: adoState.pat,
  bitbucketToken: BITBUCKET_TOKEN,
  install: { clientKey: install.clientKey, sharedSecret: install.sharedSecret, principal: install.principal },
  adoRepository: { project: repository.project.name, name: repository.name },
} satisfies HostsInfo);
