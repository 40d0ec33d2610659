import { bitbucketPullRequestKey, type ChangedFile, type PullRequestChanges, type ReviewVerdict } from "@groundwork/shared-types";
import { plural } from "@groundwork/shared-types/labels";
import type { AppServices } from "../../http/services.js";
import { handle, jobType, type JobHandler, type PayloadOf } from "../../jobs/jobType.js";
import { HostUnavailable } from "../../jobs/queue.js";
import type { Transaction } from "sequelize";
import { z } from "zod";
import { ContextItemRow, ContextLinkRow } from "../../storage/models.js";
import { BitbucketInstallationRow, BitbucketTokenConnectionRow } from "./models.js";
import { asJobError } from "../hostError.js";
import { applyChanges, applySnapshot, CHANGES_LISTED, touchDelivery, type Snapshot } from "../snapshot.js";
import { BitbucketClient, BitbucketError, type BitbucketBuildStatus, type BitbucketComment, type BitbucketPullRequest, type BitbucketUser } from "./client.js";
import { BRACED_UUID, installationClient, tokenApiUrlFor } from "./installations.js";
import { linkedMember } from "../../workspace/accountLinks.js";
import { recordContextUpdate, type ContextUpdateInput } from "../contextUpdates.js";
import { bitbucketEventEntry } from "./events.js";
import { refreshJobOf } from "../adapter.js";

/** Which connection a job acts through: the Connect installation, or the access-token connection. */
const Via = z.union([z.object({ installationId: z.string().min(1) }), z.object({ connectionId: z.string().min(1) })]);
export type BitbucketVia = z.infer<typeof Via>;

/**
 * A `bitbucket.event` job: one delivery, from the Connect app's installation, a token
 * connection's webhook or the Forge app; a Forge event carries ids only (`idsOnly`), so the
 * job reads what it names from Bitbucket first.
 */
export const BitbucketEventJob = jobType(
  "bitbucket.event",
  Via.and(z.object({ eventKey: z.string(), body: z.record(z.string(), z.unknown()), idsOnly: z.literal(true).optional() })),
);
/** What a Forge event names (developer.atlassian.com/platform/forge/events-reference/bitbucket): the workspace, repository and pull request by uuid and id. */
export const ForgePullRequestEvent = z.looseObject({
  workspace: z.object({ uuid: z.string().regex(BRACED_UUID) }),
  repository: z.object({ uuid: z.string().regex(BRACED_UUID) }),
  pullrequest: z.looseObject({ id: z.number().int().positive() }),
  comment: z.looseObject({ id: z.number().int().positive() }).optional(),
});

/** A Forge event as the webhook payload it stands for: the pull request (and comment) it names, read as the app. */
async function readForgeEvent(client: BitbucketClient, body: Record<string, unknown>) {
  const event = ForgePullRequestEvent.parse(body);
  const [workspace, repository, id] = [event.workspace.uuid, event.repository.uuid, event.pullrequest.id];
  const pr = await client.pullRequest(workspace, repository, id);
  const comment = event.comment ? await client.pullRequestComment(workspace, repository, id, event.comment.id) : undefined;
  return { pullrequest: pr, repository: { full_name: pr.destination?.repository?.full_name }, ...(comment ? { comment } : {}) };
}
/** Fetches one linked PR (on link, on connect, on "sync"). */
export const BitbucketRefreshJob = refreshJobOf("bitbucket");
/** (Re)posts the Groundwork build status on a PR's head commit. */
export const BitbucketBuildStatusJob = jobType(
  "bitbucket.build-status",
  Via.and(z.object({ workspace: z.string(), repository: z.string(), pullRequestId: z.number().int() })),
);
type BuildStatusJob = PayloadOf<typeof BitbucketBuildStatusJob>;

const person = (u: BitbucketUser | undefined) =>
  u ? { name: u.display_name ?? null, email: null, uuid: u.uuid ?? null, accountId: u.account_id ?? null } : null;
/** A participant's review (pullrequest participants[].state: "approved", "changes_requested" or null; older payloads only `approved`). */
const verdict = (p: { approved?: boolean; state?: string | null }): ReviewVerdict =>
  p.state === "changes_requested" ? "changes_requested" : p.state === "approved" || p.approved ? "approved" : "no_vote";

const reviewersOf = (pr: BitbucketPullRequest) => (pr.participants ?? []).filter((p) => p.role === "REVIEWER");

/** Bitbucket sends no emails: a PR's author is matched to members through the account they linked (the author's uuid). */
export function bitbucketPullRequestSnapshot(fullName: string, pr: BitbucketPullRequest): Snapshot | null {
  const [workspace, repository] = fullName.split("/");
  if (!workspace || !repository || !pr.id) return null;
  const state = pr.state?.toLowerCase() ?? null;
  return {
    externalKey: bitbucketPullRequestKey(workspace, repository, pr.id),
    title: pr.title ?? null,
    state,
    authorEmailNormalized: null,
    authorAccount: pr.author?.uuid ?? null,
    metadata: {
      kind: "pull_request",
      description: pr.description ?? null,
      author: person(pr.author),
      reviewers: reviewersOf(pr).map((p) => ({ ...person(p.user)!, account: p.user?.uuid ?? null, verdict: verdict(p) })),
      sourceBranch: pr.source?.branch?.name ?? null,
      targetBranch: pr.destination?.branch?.name ?? null,
      repository: fullName,
      createdAt: pr.created_on ?? null,
      updatedAt: pr.updated_on ?? null,
      closedAt: state === "merged" || state === "declined" ? (pr.updated_on ?? null) : null,
      sourceCommit: pr.source?.commit?.hash ?? null,
    },
    headCommit: pr.source?.commit?.hash ?? null,
  };
}

const CHANGE_STATUSES = ["added", "removed", "modified", "renamed"] as const;
/** A diffstat and commit list as PullRequestChanges, at the PR's head commit. */
export function bitbucketChanges(pr: BitbucketPullRequest, listed: Awaited<ReturnType<BitbucketClient["pullRequestChanges"]>>): PullRequestChanges {
  const files = listed.files.values.flatMap((f): ChangedFile[] => {
    const path = f.new?.path ?? f.old?.path;
    // Conflict states ("merge conflict", "local deleted", …) count as modified.
    const status = f.status && (CHANGE_STATUSES as readonly string[]).includes(f.status) ? (f.status as ChangedFile["status"]) : "modified";
    return path ? [{ path, status, linesAdded: f.lines_added ?? null, linesRemoved: f.lines_removed ?? null }] : [];
  });
  return {
    files,
    fileCount: listed.files.size ?? (listed.files.complete ? files.length : Math.max(files.length, CHANGES_LISTED.files)),
    commits: listed.commits.values.map((c) => ({ message: c.message ?? "" })),
    commitCount: listed.commits.size ?? listed.commits.values.length,
    headCommit: pr.source?.commit?.hash ?? null,
  };
}

/** How long a job waits for Forge's next call when an installation's app token has lapsed. */
const FORGE_TOKEN_WAIT_S = 300;
/**
 * Forge sends no uninstall event (FRGE-1246; developer.atlassian.com/platform/forge/remote/calling-product-apis):
 * an installation whose token lapsed this long ago has missed its hourly trigger twice, and is taken as uninstalled.
 */
const FORGE_SILENCE_MS = 2 * 3600_000;

/** Everything a job needs to act for a Groundwork workspace on Bitbucket, whichever way it is connected. */
interface BitbucketAccess {
  workspaceId: string;
  client: BitbucketClient;
  /** Where linked accounts of this Bitbucket workspace are scoped (its uuid), if known. */
  identityScope: string | null;
  /** Whether the connection follows a repository (the app covers all; a token the ones chosen). */
  follows(repository: string): boolean;
  touch(tx: Transaction): Promise<unknown>;
  failed(message: string): Promise<unknown>;
  succeeded(): Promise<unknown>;
}

export async function access(services: AppServices, via: BitbucketVia): Promise<BitbucketAccess | null> {
  if ("installationId" in via) {
    const i = await BitbucketInstallationRow.findByPk(via.installationId);
    if (!i || i.status !== "active" || !i.workspaceId) return null; // uninstalled or unbound: no calls
    const client = installationClient(services, i);
    // A Forge installation's token lapsed: the next call from Forge (hourly at the latest) brings a new one, unless the app is gone.
    if (!client && i.kind === "forge") {
      if (Date.now() - (i.systemTokenExpiresAt?.getTime() ?? 0) < FORGE_SILENCE_MS)
        throw new HostUnavailable(FORGE_TOKEN_WAIT_S, "waiting for Forge to send a fresh app token");
      await i.update({ status: "uninstalled", lastError: "Forge has not called Groundwork for hours: the app looks uninstalled from this workspace" });
      return null;
    }
    if (!client) return null;
    return {
      workspaceId: i.workspaceId,
      client,
      identityScope: i.principalUuid,
      follows: () => true,
      touch: (tx) => touchDelivery(i, tx),
      failed: (message) => i.update({ status: "auth_failed", lastError: message }),
      succeeded: () => (i.lastError ? i.update({ lastError: null }) : Promise.resolve()),
    };
  }
  const c = await BitbucketTokenConnectionRow.findByPk(via.connectionId);
  if (!c) return null;
  return {
    workspaceId: c.workspaceId,
    client: new BitbucketClient(
      tokenApiUrlFor(services, c.bitbucketWorkspace),
      { kind: "token", token: services.secrets.open(c.tokenSealed) },
      services.config.hostTimeoutMs,
    ),
    identityScope: c.workspaceUuid,
    follows: (repository) => c.repositories.some((r) => r.slug.toLowerCase() === repository.toLowerCase()),
    touch: (tx) => touchDelivery(c, tx),
    failed: (message) => c.update({ status: "auth_failed", lastError: message }),
    succeeded: () => (c.status !== "active" || c.lastError ? c.update({ status: "active", lastError: null }) : Promise.resolve()),
  };
}

/** The connection that covers a Bitbucket workspace for a Groundwork workspace: the app if installed, else a token. */
async function viaFor(workspaceId: string, bitbucketWorkspace: string): Promise<BitbucketVia | null> {
  const bound = await BitbucketInstallationRow.findAll({ where: { workspaceId, status: "active" } });
  const installation = bound.find((i) => i.principalName?.toLowerCase() === bitbucketWorkspace.toLowerCase()) ?? bound[0];
  if (installation) return { installationId: installation.id };
  const token = await BitbucketTokenConnectionRow.findOne({ where: { workspaceId } });
  return token && token.bitbucketWorkspace.toLowerCase() === bitbucketWorkspace.toLowerCase() ? { connectionId: token.id } : null;
}

/** A burst of updates to one PR posts its build status once: the job reads the link count when it runs. */
const STATUS_COALESCE_MS = 250;
function enqueueStatusJob(services: AppServices, workspaceId: string, job: BuildStatusJob, transaction?: Transaction) {
  return services.queue.enqueue(BitbucketBuildStatusJob, job, {
    workspaceId,
    transaction,
    coalesce: { key: `${workspaceId}:${bitbucketPullRequestKey(job.workspace, job.repository, job.pullRequestId)}`, windowMs: STATUS_COALESCE_MS },
  });
}

/** Queues a (re)post of the Groundwork build status on a linked Bitbucket PR, if a connection covers it. */
export async function enqueueBuildStatus(services: AppServices, item: ContextItemRow) {
  const workspace = String(item.hostIds.workspace);
  const via = await viaFor(item.workspaceId, workspace);
  if (!via) return;
  await enqueueStatusJob(services, item.workspaceId, {
    ...via,
    workspace,
    repository: String(item.hostIds.repository),
    pullRequestId: Number(item.hostIds.pullRequestId),
  });
}

const prWebUrl = (workspace: string, repository: string, id: number) =>
  `https://bitbucket.org/${encodeURIComponent(workspace)}/${encodeURIComponent(repository)}/pull-requests/${id}`;

export function buildStatusBody(
  services: AppServices,
  job: { workspace: string; repository: string; pullRequestId: number },
  refname: string,
  linkCount: number,
): BitbucketBuildStatus {
  const prUrl = prWebUrl(job.workspace, job.repository, job.pullRequestId);
  return {
    // One status per PR: a commit can be the head of several.
    key: `groundwork-pr-${job.pullRequestId}`,
    // STOPPED is Bitbucket's neutral state: nothing failed, there is just nothing linked yet.
    state: linkCount > 0 ? "SUCCESSFUL" : "STOPPED",
    name: "Groundwork",
    description: linkCount > 0 ? `Linked to ${plural(linkCount, "item")} in Groundwork` : "Add this PR to Groundwork",
    url: new URL(`/add?url=${encodeURIComponent(prUrl)}`, services.config.publicUrl).toString(),
    refname,
  };
}

/** A member's comment on a pull request as a context update, keyed by Bitbucket's comment id whether a webhook or an import brought it. */
export const commentUpdate = (
  externalKey: string,
  comment: BitbucketComment,
  author: NonNullable<Awaited<ReturnType<typeof linkedMember>>>,
): ContextUpdateInput => ({
  externalKey,
  externalId: `pr-comment:${comment.id}`,
  memberId: author.id,
  authorName: comment.user?.display_name ?? author.user?.name ?? "A member",
  body: comment.content?.raw ?? "",
  url: comment.links?.html?.href ?? null,
  occurredAt: new Date(comment.created_on ?? Date.now()),
  deleted: Boolean(comment.deleted),
});

export function bitbucketJobHandlers(services: AppServices): JobHandler[] {
  return [
    handle(BitbucketEventJob, async ({ eventKey, body, idsOnly, ...via }, ctx) => {
      const entry = bitbucketEventEntry(eventKey);
      if (!entry) return; // recorded by a release that acted on it; this one does not
      const on = await access(services, via);
      if (!on) return; // uninstalled, disconnected or not bound to a Groundwork workspace yet
      let read = body;
      if (idsOnly)
        try {
          read = await readForgeEvent(on.client, body);
        } catch (err) {
          if (err instanceof BitbucketError && err.kind === "not_found") return; // gone since (a deleted comment or repository)
          throw asJobError(err);
        }
      const { pr, fullName, comment, postsStatus = false } = entry.read(read);
      const snapshot = pr && fullName ? bitbucketPullRequestSnapshot(fullName, pr) : null;
      // Bitbucket shares no emails: a comment counts when its author linked their account to a member.
      const author = on.identityScope && comment?.user?.uuid ? await linkedMember(on.workspaceId, "bitbucket", on.identityScope, comment.user.uuid) : null;
      await ctx.finish(async (tx) => {
        await on.touch(tx);
        if (!snapshot || !pr || !fullName) return;
        await applySnapshot(services, on.workspaceId, snapshot, tx, { fromDelivery: true });
        if (comment?.id && author) await recordContextUpdate(on.workspaceId, commentUpdate(snapshot.externalKey, comment, author), tx);
        if (postsStatus) {
          const [workspace, repository] = fullName.split("/") as [string, string];
          await enqueueStatusJob(services, on.workspaceId, { ...via, workspace, repository, pullRequestId: pr.id }, tx);
        }
      });
    }),

    handle(BitbucketBuildStatusJob, async ({ workspace, repository, pullRequestId, ...via }) => {
      const job = { workspace, repository, pullRequestId };
      const on = await access(services, via);
      if (!on || !on.follows(repository)) return; // a repository the connection does not follow is never written to
      const key = bitbucketPullRequestKey(workspace, repository, pullRequestId);
      const item = await ContextItemRow.findOne({ where: { workspaceId: on.workspaceId, externalKey: key } });
      const links = item ? await ContextLinkRow.count({ where: { contextItemId: item.id } }) : 0;
      try {
        const pr = await on.client.pullRequest(workspace, repository, pullRequestId);
        const hash = pr.source?.commit?.hash;
        const branch = pr.source?.branch?.name;
        if (!hash || !branch) return;
        const commit = hash.length === 40 ? hash : (await on.client.commit(workspace, repository, hash)).hash;
        await on.client.postBuildStatus(workspace, repository, commit, buildStatusBody(services, job, branch, links));
      } catch (err) {
        if (err instanceof BitbucketError && (err.kind === "auth" || err.kind === "forbidden"))
          await on.failed(`Posting build statuses failed: ${err.message}`);
        throw asJobError(err);
      }
      await on.succeeded();
    }),

    handle(BitbucketRefreshJob, async ({ contextItemId, changesOnly }, ctx) => {
      const item = await ContextItemRow.findByPk(contextItemId);
      if (!item || item.host !== "bitbucket") return;
      const ids = item.hostIds;
      const via = await viaFor(item.workspaceId, String(ids.workspace));
      const on = via && (await access(services, via));
      if (!on) return; // stays "metadata pending" until Bitbucket is connected
      if (!on.follows(String(ids.repository))) {
        await ctx.finish(async (tx) => {
          await item.update({ metadataStatus: "not_followed", fetchedAt: new Date() }, { transaction: tx });
        });
        return;
      }
      let pr: BitbucketPullRequest;
      let changes: PullRequestChanges | undefined;
      try {
        const [workspace, repository, id] = [String(ids.workspace), String(ids.repository), Number(ids.pullRequestId)];
        pr = await on.client.pullRequest(workspace, repository, id);
        changes = await on.client.pullRequestChanges(workspace, repository, id, CHANGES_LISTED).then(
          (listed) => bitbucketChanges(pr, listed),
          (err: unknown) => {
            // A PR whose source branch or fork is gone has no diffstat: its insight goes without files.
            if (err instanceof BitbucketError && (err.kind === "not_found" || err.kind === "forbidden")) return undefined;
            throw err;
          },
        );
      } catch (err) {
        if (err instanceof BitbucketError && err.kind === "not_found") {
          await ctx.finish(async (tx) => {
            await item.update({ metadataStatus: "error", fetchedAt: new Date() }, { transaction: tx });
          });
          return;
        }
        throw asJobError(err);
      }
      if (changesOnly) {
        if (changes) await ctx.finish((tx) => applyChanges(services, item, changes, tx));
        return;
      }
      const snapshot = bitbucketPullRequestSnapshot(`${ids.workspace}/${ids.repository}`, pr);
      await ctx.finish(async (tx) => {
        if (snapshot) await applySnapshot(services, item.workspaceId, { ...snapshot, changes }, tx);
      });
    }),
  ];
}
