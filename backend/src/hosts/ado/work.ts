import { adoPullRequestUrl } from "@groundwork/shared-types";
import { HostCallError, pullRequestNumber, ticketWords, type AssignmentWorkOnHost, type StartedWork, type StartWorkRequest } from "../adapter.js";
import { AdoError } from "./client.js";
import { clientFor } from "./credentials.js";
import { AdoConnectionRow } from "./models.js";
import type { AppServices } from "../../http/services.js";

/**
 * Start work on Azure DevOps (learn.microsoft.com/rest/api/azure/devops/git): the branch and the
 * ticket arrive in one push — a new branch's refUpdate starts at the default branch's head, so the
 * branch and its one commit exist together or not at all — then the pull request, then the
 * reviewer, found by address in the organisation's identities. Needs Code (Read & Write) and
 * Identity (Read).
 */
export const adoWork: AssignmentWorkOnHost = {
  async start(services, request): Promise<StartedWork> {
    const { connection, repository, client, project, repo } = await repositoryOf(services, request);
    const branch = `refs/heads/${request.branch}`;

    const target = await client.defaultBranch(project, repo);
    if (!target) throw new HostCallError("invalid", `${request.repository} has no default branch yet: push a first commit to it`);
    const head = await client.branchHead(project, repo, branch);
    // An existing branch is reused: the ticket is added to it unless an earlier attempt (or someone) put it there.
    if (!head || !(await client.hasFile(project, repo, branch, `/${request.ticket.path}`))) {
      const from = head ?? (await client.branchHead(project, repo, target));
      if (!from) throw new HostCallError("invalid", `${request.repository}'s default branch ${target} has no commits`);
      await client.pushFile(project, repo, {
        branch,
        from,
        path: `/${request.ticket.path}`,
        content: request.ticket.content,
        comment: request.ticket.commitMessage,
      });
    }

    const open = async () => (await client.pullRequestsBetween(project, repo, branch, target)).find((pr) => pr.status === "active") ?? null;
    let pr = await open();
    if (!pr) {
      try {
        pr = await client.createPullRequest(project, repo, {
          sourceRefName: branch,
          targetRefName: target,
          title: request.pullRequest.title,
          description: fitted(request.pullRequest.description, request.ticket.path),
        });
      } catch (err) {
        // TF401179: created meanwhile (by an attempt whose answer never came back): that one is ours.
        if (!(err instanceof AdoError && err.kind === "conflict")) throw err;
        pr = await open();
        if (!pr) throw err;
      }
    }

    let reviewer: StartedWork["reviewer"] = "none";
    if (request.reviewer) {
      const identity = await client.identityByEmail(request.reviewer.email);
      if (identity) {
        await client.addReviewer(project, repo, pr.pullRequestId, identity.id);
        reviewer = "added";
      } else reviewer = "not_found";
    }
    return {
      branch: request.branch,
      pullRequestUrl: adoPullRequestUrl(connection.organization, repository.project, repository.name, pr.pullRequestId),
      reviewer,
    };
  },

  /** A new commit editing the ticket when its words changed, and the pull request's title and description (git/pull-requests/update). */
  async update(services, request) {
    const { client, project, repo } = await repositoryOf(services, request);
    const branch = `refs/heads/${request.branch}`;
    const pr = await client.pullRequest(project, repo, pullRequestNumber(request.pullRequestUrl));
    if (pr.status !== "active") return "closed";
    let changed = false;
    const path = `/${request.ticket.path}`;
    // Someone may push to the branch between the look and the push: TF401028 (409), and the look is taken again.
    for (let attempt = 0; ; attempt++) {
      const head = await client.branchHead(project, repo, branch);
      if (!head) return "closed";
      const ticket = await client.fileText(project, repo, branch, path);
      if (ticket !== null && ticketWords(ticket) === ticketWords(request.ticket.content)) break;
      try {
        const change = ticket === null ? "add" : "edit";
        await client.pushFile(project, repo, { branch, from: head, path, content: request.ticket.content, comment: request.ticket.commitMessage, change });
        changed = true;
        break;
      } catch (err) {
        if (!(err instanceof AdoError && err.kind === "conflict") || attempt >= 2) throw err;
      }
    }
    const description = fitted(request.pullRequest.description, request.ticket.path);
    if (pr.title !== request.pullRequest.title || (pr.description ?? "") !== description) {
      await client.updatePullRequest(project, repo, pr.pullRequestId, { title: request.pullRequest.title, description });
      changed = true;
    }
    return changed ? "updated" : "unchanged";
  },
};

/** Azure DevOps refuses a pull request description over 4,000 characters: a longer one ends by pointing at the ticket, which has it all. */
const DESCRIPTION_MAX = 4000;
function fitted(description: string, ticketPath: string) {
  if (description.length <= DESCRIPTION_MAX) return description;
  const rest = `\n\n… the rest is in ${ticketPath}`;
  return `${description.slice(0, DESCRIPTION_MAX - rest.length)}${rest}`;
}

async function repositoryOf(services: AppServices, request: Pick<StartWorkRequest, "workspaceId" | "connectionId" | "repository">) {
  const connection = await AdoConnectionRow.findOne({ where: { id: request.connectionId, workspaceId: request.workspaceId } });
  const repository = connection?.repositories.find((r) => `${r.project}/${r.name}`.toLowerCase() === request.repository.toLowerCase());
  if (!connection || !repository) throw new HostCallError("not_found", `The connection no longer follows ${request.repository}`);
  return { connection, repository, client: clientFor(services, connection), project: repository.project, repo: repository.id };
}
