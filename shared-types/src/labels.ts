/**
 * Words the host panels (Azure DevOps, Bitbucket) show for link targets. A subpath of its own
 * (@groundwork/shared-types/labels), free of zod, so the panels' bundles stay small.
 */
export const LINK_TARGET_LABELS = {
  feedback: "Feedback",
  agenda_item: "1:1 agenda",
  objective: "Objective",
  key_result: "Key result",
  competency: "Competency",
} as const;

/** How people see the themes insights find (shared-types' THEMES). */
export const THEME_LABELS = {
  reliability: "Reliability",
  performance: "Performance",
  security: "Security",
  testing: "Testing",
  refactoring: "Refactoring",
  documentation: "Documentation",
  ux: "UX",
  bug_fix: "Bug fix",
  feature: "Feature",
  infrastructure: "Infrastructure",
} as const;

/** Where a point of an insight comes from, as a reader is told: "from a commit". */
export const EVIDENCE_LABELS = {
  title: "the title",
  description: "the description",
  commit: "a commit",
  file: "the files",
  size: "the diff's size",
  review: "the reviews",
  branch: "the branch",
  state: "its state",
} as const;

/** How people see each host's name. */
export const HOST_LABELS = { ado: "Azure DevOps", bitbucket: "Bitbucket" } as const;

/** "1 repository", "3 repositories". */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Background jobs as an owner reads them in the list of failed work. */
export const JOB_LABELS: Record<string, string> = {
  "ado.event": "Azure DevOps service-hook event",
  "ado.refresh": "Reading a pull request or work item from Azure DevOps",
  "ado.pr-status": "Posting the Groundwork status on an Azure DevOps pull request",
  "ado.sync-stale": "Checking Azure DevOps for missed updates",
  "ado.entra-keep-alive": "Renewing a Microsoft sign-in that has not been used for a week",
  "bitbucket.event": "Bitbucket webhook event",
  "bitbucket.refresh": "Reading a pull request from Bitbucket",
  "bitbucket.build-status": "Posting the Groundwork build status on a Bitbucket pull request",
  "insight.derive": "Drawing themes, contributions and impact from a pull request or work item",
  "insight.backfill": "Drawing insights for pull requests and work items attached before insights existed",
  "history.import": "Importing a page of a repository's pull requests from before it was connected",
};

/** The order a target picker groups them in. */
export const LINK_TARGET_GROUPS = ["Feedback", "1:1 agendas", "OKRs", "Competencies"] as const;

/** A picker value for a target, and back. */
export const targetValue = (t: { type: string; id: string }) => `${t.type}:${t.id}`;

/**
 * The scopes a token needs, as each host's token page names them, and what Groundwork uses each
 * for. Test connection checks every one; the Integrations page and README list them.
 */
export const ADO_PAT_SCOPES = [
  { scope: "vso.code_write", label: "Code (Read & Write)", usedFor: "reading pull requests and repositories, posting the Groundwork PR status" },
  { scope: "vso.work", label: "Work Items (Read)", usedFor: "reading work items and their comments" },
  { scope: "vso.project", label: "Project and Team (Read)", usedFor: "listing projects" },
  { scope: "vso.identity", label: "Identity (Read)", usedFor: "recognising who opens the Groundwork tab on a pull request, and comment authors' emails" },
] as const;

export const BITBUCKET_TOKEN_SCOPES = [
  { scope: "repository", label: "Repositories (Read)", usedFor: "listing repositories, resolving commits, posting the Groundwork build status" },
  { scope: "pullrequest", label: "Pull requests (Read)", usedFor: "reading pull requests, and webhooks for pull request events" },
  { scope: "webhook", label: "Webhooks (Read and write)", usedFor: "creating and deleting the repository webhooks" },
] as const;

/** What Start work on assignments adds: without these everything else works. */
export const BITBUCKET_START_WORK_SCOPES = [
  { scope: "repository:write", label: "Repositories (Write)", usedFor: "the assignment's branch and its ticket commit" },
  { scope: "pullrequest:write", label: "Pull requests (Write)", usedFor: "the assignment's pull request and its reviewer" },
] as const;

export const scopeLabel = (scopes: readonly { scope: string; label: string }[], scope: string) => scopes.find((s) => s.scope === scope)?.label ?? scope;

/** A scope grants the ones it implies (developer.atlassian.com/cloud/bitbucket/bitbucket-cloud-rest-api-scopes). */
export const BITBUCKET_SCOPE_IMPLIES: Record<string, string[]> = {
  "repository:write": ["repository"],
  "repository:admin": ["repository"],
  "repository:delete": ["repository"],
  pullrequest: ["repository"],
  "pullrequest:write": ["pullrequest", "repository:write"],
  "account:write": ["account"],
  "project:admin": ["project"],
  "issue:write": ["issue"],
  "snippet:write": ["snippet"],
  "pipeline:write": ["pipeline"],
};

/** Every scope that granted scopes amount to, with those each implies, transitively. */
export function impliedScopes(granted: Iterable<string>, implies: Record<string, string[]>) {
  const all = new Set<string>();
  const add = (s: string) => {
    if (all.has(s)) return;
    all.add(s);
    for (const inner of implies[s] ?? []) add(inner);
  };
  for (const s of granted) add(s);
  return all;
}

/** What Test connection says when a token lacks scopes, named as the host's token page names them. */
export const missingScopesMessage = (labels: string[], noun: "a token" | "one") =>
  `The token is missing the ${labels.join(", ")} scope${labels.length === 1 ? "" : "s"}; create ${noun} with ${labels.length === 1 ? "it" : "them"} and try again`;
