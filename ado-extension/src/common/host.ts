import * as SDK from "azure-devops-extension-sdk";

export interface PullRequestRef {
  project: string;
  repository: string;
  pullRequestId: number;
}

interface ConfiguredPullRequest {
  pullRequestId?: number;
  repository?: { name?: string; project?: { name?: string } };
}

interface PageRoute {
  routeValues?: Record<string, string | undefined>;
}

/** The pull request in the page route (project, repository name, PR id), or null. */
async function fromPageRoute(): Promise<PullRequestRef | null> {
  try {
    const navigation = await SDK.getService<{ getPageRoute(): Promise<PageRoute> }>("ms.vss-features.host-navigation-service");
    const route = (await navigation.getPageRoute()).routeValues ?? {};
    const id = Number(route.parameters ?? route.pullRequestId);
    return route.project && route.GitRepositoryName && Number.isInteger(id) && id > 0
      ? { project: route.project, repository: route.GitRepositoryName, pullRequestId: id }
      : null;
  } catch {
    return null;
  }
}

/**
 * Which pull request this tab is on: the host navigation service's page route, which real PR
 * extensions rely on, else the pull request the tab's configuration carries.
 */
export async function currentPullRequest(): Promise<PullRequestRef> {
  const routed = await fromPageRoute();
  if (routed) return routed;
  const pr = (SDK.getConfiguration() as { pullRequest?: ConfiguredPullRequest }).pullRequest;
  if (pr?.pullRequestId && pr.repository?.name && pr.repository.project?.name)
    return { project: pr.repository.project.name, repository: pr.repository.name, pullRequestId: pr.pullRequestId };
  throw new Error("Azure DevOps did not say which pull request this is.");
}

/** Starts the SDK handshake; the host shows its spinner until `loaded()`. */
export async function startExtension() {
  await SDK.init({ loaded: false, applyTheme: true });
  await SDK.ready();
}

export const loaded = () => void SDK.notifyLoadSucceeded();
export const resize = () => SDK.resize();
