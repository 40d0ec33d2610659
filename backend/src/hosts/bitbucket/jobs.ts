import { bitbucketPullRequestKey } from "@groundwork/shared-types";
import type { AppServices } from "../../http/services.js";
import type { JobHandler } from "../../jobs/worker.js";
import { BitbucketInstallationRow, ContextItemRow, ContextLinkRow } from "../../storage/models.js";
import { asJobError } from "../hostError.js";
import { applySnapshot, type Snapshot } from "../snapshot.js";
import { BitbucketClient, BitbucketError, type BitbucketBuildStatus, type BitbucketPullRequest, type BitbucketUser } from "./client.js";
import type { BitbucketEventJob } from "./lifecycle.js";
import { apiUrlFor } from "./installations.js";
import { linkedMember } from "../accountLinks.js";
import { recordContextUpdate } from "../contextUpdates.js";

interface BitbucketComment {
  id?: number;
  deleted?: boolean;
  content?: { raw?: string };
  user?: BitbucketUser;
  created_on?: string;
  links?: { html?: { href?: string } };
}

const person = (u: BitbucketUser | undefined) => (u ? { displayName: u.display_name ?? null, uuid: u.uuid ?? null, accountId: u.account_id ?? null } : null);

/** Bitbucket sends no emails, so a PR's author is matched to members through linked accounts, not here. */
export function bitbucketPullRequestSnapshot(fullName: string, pr: BitbucketPullRequest): Snapshot | null {
  const [workspace, repository] = fullName.split("/");
  if (!workspace || !repository || !pr.id) return null;
  const state = pr.state?.toLowerCase() ?? null;
  return {
    externalKey: bitbucketPullRequestKey(workspace, repository, pr.id),
    title: pr.title ?? null,
    state,
    authorEmailNormalized: null,
    metadata: {
      title: pr.title ?? null,
      description: pr.description ?? null,
      status: state,
      author: person(pr.author),
      reviewers: (pr.participants ?? [])
        .filter((p) => p.role === "REVIEWER")
        .map((p) => ({ ...person(p.user), approved: Boolean(p.approved), state: p.state ?? null })),
      sourceBranch: pr.source?.branch?.name ?? null,
      targetBranch: pr.destination?.branch?.name ?? null,
      sourceCommit: pr.source?.commit?.hash ?? null,
      createdAt: pr.created_on ?? null,
      updatedAt: pr.updated_on ?? null,
      closedAt: state === "merged" || state === "declined" ? (pr.updated_on ?? null) : null,
      repository: fullName,
    },
  };
}

export function clientForInstallation(services: AppServices, installation: BitbucketInstallationRow) {
  return new BitbucketClient(apiUrlFor(services, installation.baseUrl), {
    kind: "connect",
    clientKey: installation.clientKey,
    sharedSecret: services.secrets.open(installation.sharedSecretSealed!),
  });
}

/** The active installation bound to a Groundwork workspace that covers a Bitbucket workspace. */
async function installationFor(workspaceId: string, bitbucketWorkspace: string) {
  const bound = await BitbucketInstallationRow.findAll({ where: { workspaceId, status: "active" } });
  return bound.find((i) => i.principalName?.toLowerCase() === bitbucketWorkspace.toLowerCase()) ?? bound[0] ?? null;
}

export interface BuildStatusJob {
  installationId: string;
  workspace: string;
  repository: string;
  pullRequestId: number;
}

/** Queues a (re)post of the Groundwork build status on a linked Bitbucket PR, if an installation covers it. */
export async function enqueueBuildStatus(services: AppServices, item: ContextItemRow) {
  const workspace = String(item.hostIds.workspace);
  const installation = await installationFor(item.workspaceId, workspace);
  if (!installation) return;
  await services.queue.enqueue(
    "bitbucket.build-status",
    { installationId: installation.id, workspace, repository: String(item.hostIds.repository), pullRequestId: Number(item.hostIds.pullRequestId) } satisfies BuildStatusJob,
    { workspaceId: item.workspaceId },
  );
}

const prWebUrl = (workspace: string, repository: string, id: number) =>
  `https://bitbucket.org/${encodeURIComponent(workspace)}/${encodeURIComponent(repository)}/pull-requests/${id}`;

export function buildStatusBody(services: AppServices, job: BuildStatusJob, refname: string, linkCount: number): BitbucketBuildStatus {
  const prUrl = prWebUrl(job.workspace, job.repository, job.pullRequestId);
  return {
    // One status per PR: a commit can be the head of several.
    key: `groundwork-pr-${job.pullRequestId}`,
    // STOPPED is Bitbucket's neutral state: nothing failed, there is just nothing linked yet.
    state: linkCount > 0 ? "SUCCESSFUL" : "STOPPED",
    name: "Groundwork",
    description: linkCount > 0 ? `Linked to ${linkCount} item${linkCount === 1 ? "" : "s"} in Groundwork` : "Add this PR to Groundwork",
    url: new URL(`/add?url=${encodeURIComponent(prUrl)}`, services.config.publicUrl).toString(),
    refname,
  };
}

export function bitbucketJobHandlers(services: AppServices): Record<string, JobHandler> {
  return {
    "bitbucket.event": async (payload, ctx) => {
      const { installationId, eventKey, body } = payload as BitbucketEventJob;
      const installation = await BitbucketInstallationRow.findByPk(installationId);
      if (!installation || installation.status !== "active") return; // uninstalled since: no calls, no updates
      const pr = body.pullrequest as BitbucketPullRequest | undefined;
      const fullName = (body.repository as { full_name?: string } | undefined)?.full_name ?? pr?.destination?.repository?.full_name;
      const snapshot = pr && fullName ? bitbucketPullRequestSnapshot(fullName, pr) : null;
      const workspaceId = installation.workspaceId;
      const comment = body.comment as BitbucketComment | undefined;
      // Bitbucket shares no emails: a comment counts when its author linked their account to a member.
      const author =
        workspaceId && comment?.user?.uuid ? await linkedMember(workspaceId, "bitbucket", installation.principalUuid, comment.user.uuid) : null;
      await ctx.finish(async (tx) => {
        await installation.update({ lastDeliveryAt: new Date() }, { transaction: tx });
        if (!workspaceId || !snapshot || !pr || !fullName) return; // not bound to a Groundwork workspace yet
        await applySnapshot(workspaceId, snapshot, tx);
        if (eventKey === "pullrequest:comment_created" && comment?.id && author)
          await recordContextUpdate(
            workspaceId,
            {
              externalKey: snapshot.externalKey,
              externalId: `pr-comment:${comment.id}`,
              memberId: author.id,
              authorName: comment.user?.display_name ?? author.user?.name ?? "A member",
              body: comment.content?.raw ?? "",
              url: comment.links?.html?.href ?? null,
              occurredAt: new Date(comment.created_on ?? Date.now()),
              deleted: Boolean(comment.deleted),
            },
            tx,
          );
        if (eventKey === "pullrequest:created" || eventKey === "pullrequest:updated") {
          const [workspace, repository] = fullName.split("/") as [string, string];
          await services.queue.enqueue(
            "bitbucket.build-status",
            { installationId, workspace, repository, pullRequestId: pr.id } satisfies BuildStatusJob,
            { workspaceId, transaction: tx },
          );
        }
      });
    },

    "bitbucket.build-status": async (payload) => {
      const job = payload as BuildStatusJob;
      const installation = await BitbucketInstallationRow.findByPk(job.installationId);
      if (!installation || installation.status !== "active" || !installation.workspaceId) return;
      const client = clientForInstallation(services, installation);
      const key = bitbucketPullRequestKey(job.workspace, job.repository, job.pullRequestId);
      const item = await ContextItemRow.findOne({ where: { workspaceId: installation.workspaceId, externalKey: key } });
      const links = item ? await ContextLinkRow.count({ where: { contextItemId: item.id } }) : 0;
      try {
        const pr = await client.pullRequest(job.workspace, job.repository, job.pullRequestId);
        const hash = pr.source?.commit?.hash;
        const branch = pr.source?.branch?.name;
        if (!hash || !branch) return;
        const commit = hash.length === 40 ? hash : (await client.commit(job.workspace, job.repository, hash)).hash;
        await client.postBuildStatus(job.workspace, job.repository, commit, buildStatusBody(services, job, branch, links));
      } catch (err) {
        if (err instanceof BitbucketError && (err.kind === "auth" || err.kind === "forbidden"))
          await installation.update({ status: "auth_failed", lastError: `Posting build statuses failed: ${err.message}` });
        throw asJobError(err);
      }
      if (installation.lastError) await installation.update({ lastError: null });
    },

    "bitbucket.refresh": async (payload, ctx) => {
      const item = await ContextItemRow.findByPk((payload as { contextItemId: string }).contextItemId);
      if (!item || item.host !== "bitbucket") return;
      const ids = item.hostIds;
      const installation = await installationFor(item.workspaceId, String(ids.workspace));
      if (!installation) return; // stays "metadata pending" until Bitbucket is connected
      let pr: BitbucketPullRequest;
      try {
        pr = await clientForInstallation(services, installation).pullRequest(String(ids.workspace), String(ids.repository), Number(ids.pullRequestId));
      } catch (err) {
        if (err instanceof BitbucketError && err.kind === "not_found") {
          await ctx.finish(async (tx) => {
            await item.update({ metadataStatus: "error", fetchedAt: new Date() }, { transaction: tx });
          });
          return;
        }
        throw asJobError(err);
      }
      const snapshot = bitbucketPullRequestSnapshot(`${ids.workspace}/${ids.repository}`, pr);
      await ctx.finish(async (tx) => {
        if (snapshot) await applySnapshot(item.workspaceId, snapshot, tx);
      });
    },
  };
}
