import { bitbucketPullRequestUrl } from "@groundwork/shared-types";
import { BITBUCKET_START_WORK_SCOPES } from "@groundwork/shared-types/labels";
import { HostCallError, pullRequestNumber, ticketWords, type AssignmentWorkOnHost, type StartedWork, type StartWorkRequest } from "../adapter.js";
import type { AppServices } from "../../http/services.js";
import { BitbucketError, type BitbucketClient, type BitbucketPullRequest } from "./client.js";
import { viaOf } from "./history.js";
import { access, type BitbucketVia } from "./jobs.js";

/**
 * Start work on Bitbucket Cloud (developer.atlassian.com/cloud/bitbucket/rest): one `POST …/src`
 * makes the branch and its commit with the ticket together (a new branch starts at the parent
 * given, the main branch's head), then the pull request with the mentor's linked account as
 * reviewer. Needs Repositories (Write) and Pull requests (Write).
 */
export const bitbucketWork: AssignmentWorkOnHost = {
  async start(services, request): Promise<StartedWork> {
    const on = await connected(services, request);
    return withScopesNamed(on.via, () => startOn(on.client, on.identityScope, request));
  },

  /** A new commit with the ticket when its words changed, and the pull request's title and description (a PUT keeps its reviewers). */
  async update(services, request) {
    const { via, client } = await connected(services, request);
    return withScopesNamed(via, async () => {
      const [workspace, slug] = request.repository.split("/") as [string, string];
      const pr = await client.pullRequest(workspace, slug, pullRequestNumber(request.pullRequestUrl));
      if (pr.state !== "OPEN") return "closed";
      // A ticket that says the same (ticks aside) is left as it is.
      const ticket = await writeTicket(client, workspace, slug, request, { from: null, keeps: (t) => ticketWords(t) === ticketWords(request.ticket.content) });
      if (ticket === "no branch") return "closed";
      let changed = ticket === "written";
      if (pr.title !== request.pullRequest.title || (pr.description ?? "") !== request.pullRequest.description) {
        const reviewers = (pr.reviewers ?? []).flatMap((r) => (r.uuid ? [{ uuid: r.uuid }] : []));
        await client.updatePullRequest(workspace, slug, pr.id, { ...request.pullRequest, reviewers });
        changed = true;
      }
      return changed ? "updated" : "unchanged";
    });
  },
};

async function connected(services: AppServices, request: Pick<StartWorkRequest, "workspaceId" | "connectionId" | "repository">) {
  const [found] = await viaOf(request.workspaceId, request.connectionId);
  const on = found && (await access(services, found.via));
  const slug = request.repository.split("/")[1];
  if (!on || !slug || !on.follows(slug)) throw new HostCallError("not_found", `The connection no longer follows ${request.repository}`);
  return { via: found.via, client: on.client, identityScope: on.identityScope };
}

/** A 403 names the scopes the work needs and how to grant them: a new token, or an admin approving the app's updated permissions. */
async function withScopesNamed<T>(via: BitbucketVia, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (!(err instanceof BitbucketError && err.kind === "forbidden")) throw err;
    const fix =
      "installationId" in via ? "a workspace admin approves the Groundwork app's updated permissions in Bitbucket" : "connect again with a token that has them";
    throw new HostCallError(
      "forbidden",
      `${err.message}. Start work needs ${BITBUCKET_START_WORK_SCOPES.map((s) => s.label).join(" and ")}: ${fix}`,
      err.status,
    );
  }
}

async function startOn(client: BitbucketClient, identityScope: string | null, request: StartWorkRequest): Promise<StartedWork> {
  const [workspace, slug] = request.repository.split("/") as [string, string];

  const main = await client.mainBranch(workspace, slug);
  if (!main) throw new HostCallError("invalid", `${request.repository} has no main branch yet: push a first commit to it`);
  // An existing branch is reused: the ticket is added to it unless an earlier attempt (or someone) put it there.
  await writeTicket(client, workspace, slug, request, { from: main, keeps: () => true });

  // Bitbucket knows people by account: the mentor's, linked in this Bitbucket workspace.
  const account = request.reviewer?.accounts.find((a) => a.scope === identityScope)?.id ?? null;
  let reviewer: StartedWork["reviewer"] = !request.reviewer ? "none" : account ? "added" : "unlinked";
  const reviewers = account ? [{ uuid: account }] : [];

  const open = async () => (await client.openPullRequestsBetween(workspace, slug, request.branch, main))[0] ?? null;
  let pr = await open();
  if (!pr) {
    const create = (withReviewers: { uuid: string }[]) =>
      client.createPullRequest(workspace, slug, { ...request.pullRequest, source: request.branch, destination: main, reviewers: withReviewers });
    try {
      pr = await create(reviewers);
    } catch (err) {
      if (refusedReviewers(err)) {
        reviewer = "refused";
        pr = await create([]);
      } else {
        // Made meanwhile, by an attempt whose answer never came back: that one is ours.
        pr = err instanceof BitbucketError && err.kind === "invalid" ? await open() : null;
        if (!pr) throw err;
      }
    }
  } else if (account && !hasReviewer(pr, account)) {
    try {
      await client.updatePullRequest(workspace, slug, pr.id, {
        title: pr.title ?? request.pullRequest.title,
        reviewers: [...(pr.reviewers ?? []).flatMap((r) => (r.uuid ? [{ uuid: r.uuid }] : [])), ...reviewers],
      });
    } catch (err) {
      if (!refusedReviewers(err)) throw err;
      reviewer = "refused";
    }
  }
  return { branch: request.branch, pullRequestUrl: bitbucketPullRequestUrl(workspace, slug, pr.id), reviewer };
}

/**
 * The ticket on the branch in one commit, unless what is there `keeps`. A missing branch starts at
 * `from`'s head (none: there is no branch to write to). Should the branch move between the look and
 * the commit, Bitbucket refuses (409) and the look is taken again.
 */
async function writeTicket(
  client: BitbucketClient,
  workspace: string,
  slug: string,
  request: Pick<StartWorkRequest, "repository" | "branch" | "ticket">,
  { from, keeps }: { from: string | null; keeps: (ticket: string) => boolean },
) {
  for (let attempt = 0; ; attempt++) {
    const head = await client.branchHead(workspace, slug, request.branch);
    if (!head && from === null) return "no branch";
    const ticket = head ? await client.fileText(workspace, slug, head, request.ticket.path) : null;
    if (ticket !== null && keeps(ticket)) return "kept";
    const parent = head ?? (await client.branchHead(workspace, slug, from!));
    if (!parent) throw new HostCallError("invalid", `${request.repository}'s main branch ${from} has no commits`);
    try {
      await client.commitFile(workspace, slug, {
        branch: request.branch,
        parent,
        path: request.ticket.path,
        content: request.ticket.content,
        message: request.ticket.commitMessage,
      });
      return "written";
    } catch (err) {
      if (!(err instanceof BitbucketError && err.kind === "conflict") || attempt >= 2) throw err;
    }
  }
}

/** Bitbucket's 400 about reviewers it will not add (not a member, the author, an unknown account): the pull request goes on without. */
const refusedReviewers = (err: unknown) => err instanceof BitbucketError && err.kind === "invalid" && Boolean(err.fields?.reviewers?.length);
const hasReviewer = (pr: BitbucketPullRequest, uuid: string) => (pr.reviewers ?? []).some((r) => r.uuid?.toLowerCase() === uuid.toLowerCase());
