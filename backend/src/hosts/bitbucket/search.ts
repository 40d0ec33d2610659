import { bitbucketPullRequestUrl, type FoundItem } from "@groundwork/shared-types";
import type { MemberContext } from "../../http/route.js";
import { searchWords } from "../adapter.js";
import { BitbucketClient, BitbucketError, type BitbucketPullRequest } from "./client.js";
import { installationClient, tokenApiUrlFor } from "./installations.js";
import { BitbucketInstallationRow, BitbucketTokenConnectionRow } from "./models.js";

/** What one search reads at most: repositories per connection, pull requests per repository. */
const REPOSITORIES = 10;
const PULL_REQUESTS_PER_REPOSITORY = 10;

/** A string in Bitbucket's filter language: double quotes, a backslash before a quote or a backslash. */
const filterString = (s: string) => `"${s.replace(/[\\"]/g, "\\$&")}"`;

/**
 * The filter for pull requests of one repository holding every word in their title, author or
 * number; a word of the repository's own name holds for all of them, so it drops out.
 */
export function pullRequestFilter(words: string[], repository: string) {
  const conditions = words
    .filter((w) => !repository.toLowerCase().includes(w))
    .map((w) => {
      const id = /^[!#]?(\d{1,9})$/.exec(w)?.[1];
      const text = `title ~ ${filterString(w)} OR author.display_name ~ ${filterString(w)}`;
      return `(${id ? `${text} OR id = ${id}` : text})`;
    });
  return conditions.length ? conditions.join(" AND ") : null;
}

function foundPullRequest(fullName: string, pr: BitbucketPullRequest): FoundItem {
  const [workspace, repository] = fullName.split("/") as [string, string];
  return {
    host: "bitbucket",
    kind: "pull_request",
    url: bitbucketPullRequestUrl(workspace, repository, pr.id),
    title: pr.title ?? `Pull request ${pr.id}`,
    reference: `#${pr.id}`,
    where: repository,
    author: pr.author?.display_name ?? null,
    state: pr.state?.toLowerCase() ?? null,
    updatedAt: pr.updated_on ?? pr.created_on ?? null,
  };
}

/** Where a workspace's search reads: the app's workspaces (their latest repositories) and the token's followed repositories. */
async function sources(ctx: MemberContext) {
  const workspaceId = ctx.auth.workspace.id;
  const services = ctx.services;
  const installations = await BitbucketInstallationRow.findAll({ where: { workspaceId, status: "active" } });
  const token = await BitbucketTokenConnectionRow.findOne({ where: { workspaceId } });
  const fromApp = installations.flatMap((i) => {
    const client = installationClient(services, i);
    // Bitbucket takes a workspace's slug or its {uuid} alike.
    return client ? [{ client, workspace: i.principalName ?? i.principalUuid, repositories: null as string[] | null }] : [];
  });
  const covered = new Set(installations.map((i) => i.principalName?.toLowerCase()));
  if (token?.status === "auth_failed") throw new BitbucketError("auth", "its access token was refused; replace it under Integrations");
  const fromToken =
    token && !covered.has(token.bitbucketWorkspace.toLowerCase())
      ? [
          {
            client: new BitbucketClient(tokenApiUrlFor(services, token.bitbucketWorkspace), { kind: "token", token: services.secrets.open(token.tokenSealed) }),
            workspace: token.bitbucketWorkspace,
            repositories: token.repositories.slice(0, REPOSITORIES).map((r) => r.slug),
          },
        ]
      : [];
  return [...fromApp, ...fromToken];
}

/**
 * Pull requests whose title, author, repository or number hold every word of `q`, across the
 * repositories each connection reaches, Bitbucket filtering them (`q`) and sorting them
 * (`sort=-updated_on`) itself.
 */
export async function findBitbucketItems(ctx: MemberContext, q: string): Promise<FoundItem[]> {
  const words = searchWords(q);
  const found = await Promise.all(
    (await sources(ctx)).map(async ({ client, workspace, repositories }) => {
      const slugs = repositories ?? (await client.recentRepositories(workspace, REPOSITORIES)).map((r) => r.slug);
      const pages = await Promise.all(
        slugs.map(async (slug) => {
          const prs = await client.findPullRequests(workspace, slug, pullRequestFilter(words, slug), PULL_REQUESTS_PER_REPOSITORY);
          return prs.map((pr) => foundPullRequest(pr.destination?.repository?.full_name ?? `${workspace}/${slug}`, pr));
        }),
      );
      return pages.flat();
    }),
  );
  return found.flat();
}
