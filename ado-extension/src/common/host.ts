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

/**
 * Which pull request this tab is on. The PR tab's configuration carries the pull request;
 * older hosts only expose it through the page route (project, repository name, PR id).
 */
export async function currentPullRequest(): Promise<PullRequestRef> {
  const config = SDK.getConfiguration() as { pullRequest?: ConfiguredPullRequest };
  const pr = config.pullRequest;
  if (pr?.pullRequestId && pr.repository?.name && pr.repository.project?.name)
    return { project: pr.repository.project.name, repository: pr.repository.name, pullRequestId: pr.pullRequestId };
  const navigation = await SDK.getService<{ getPageRoute(): Promise<PageRoute> }>("ms.vss-features.host-navigation-service");
  const route = (await navigation.getPageRoute()).routeValues ?? {};
  const id = Number(route.parameters ?? route.pullRequestId);
  if (route.project && route.GitRepositoryName && Number.isInteger(id) && id > 0)
    return { project: route.project, repository: route.GitRepositoryName, pullRequestId: id };
  throw new Error("Azure DevOps did not say which pull request this is.");
}

/** Starts the SDK handshake; the host shows its spinner until `loaded()`. */
export async function startExtension() {
  await SDK.init({ loaded: false, applyTheme: true });
  await SDK.ready();
}

export const loaded = () => void SDK.notifyLoadSucceeded();
export const resize = () => SDK.resize();
