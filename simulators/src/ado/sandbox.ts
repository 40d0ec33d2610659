import { randomUUID } from "node:crypto";
import type { AdoPullRequest, AdoWorkItem } from "@groundwork/backend/hosts/ado/client";
import { SANDBOX_ORG } from "@groundwork/backend/hosts/ado/credentials";
import { ENTRA_CALLBACK_PATH } from "@groundwork/backend/hosts/ado/entra";
import { addExtensionHarness, DEFAULT_EXTENSION_DIST } from "./extensionHarness.js";
import { deliverToSubscriptions, fakeAdo, sendServiceHook, type FakeAdoState, type FakeAdoToken } from "./fakeAdo.js";
import { hostSample } from "../samples.js";
import { adoDiscussion, adoHistory, HISTORY_UNTIL, SANDBOX_PEOPLE } from "../history.js";
import { escapeHtml } from "@groundwork/backend/http/html";

/**
 * The local Azure DevOps sandbox `npm start` runs beside Groundwork: the fake organisation
 * "groundwork-sandbox" with a PAT, a project, pull requests and work items, and a page that
 * sends the documented service-hook events to a webhook URL — so a new user can try the
 * whole integration without an Azure DevOps account.
 */
export const SANDBOX_PAT = "sandbox-pat-0123456789abcdefghijklmnopqrstuvwxyz01";

/** Deliberately short tokens, so a new user sees Test connection name what each one lacks. */
export const SANDBOX_SHORT_PATS: (FakeAdoToken & { lacks: string })[] = [
  { pat: "sandbox-pat-no-identity-read-0123456789abcdefghijkl", scopes: ["vso.code_write", "vso.work", "vso.project"], lacks: "Identity (Read)" },
  { pat: "sandbox-pat-code-read-only-0123456789abcdefghijklmn", scopes: ["vso.code", "vso.work", "vso.project", "vso.identity"], lacks: "Code (Read & Write)" },
  { pat: "sandbox-pat-projects-only-0123456789abcdefghijklmno", scopes: ["vso.project"], lacks: "Code, Work Items and Identity" },
];

/** The sandbox's Entra ID app registration, which "Sign in with Microsoft" uses under `npm start`. */
export const SANDBOX_ENTRA = {
  tenant: "5f2c9e1a-0000-4000-8000-00000000e1d0",
  clientId: "7d3b2a10-0000-4000-8000-0000000c11e7",
  clientSecret: "sandbox-entra-secret-0123456789abcdef",
};

const fixture = (name: string) => hostSample("ado", name);

interface Comment {
  email: string;
  text: string;
}
type Apply = (pr: AdoPullRequest, wi: AdoWorkItem, comment: Comment, state: FakeAdoState) => Record<string, unknown> | void;
const person = (email: string) => ({ id: `sandbox-${email}`, displayName: email.split("@")[0]!, uniqueName: email });

const EVENTS: Record<string, { label: string; file: string; apply: Apply }> = {
  "git.pullrequest.updated": {
    label: "Pull request #1 updated: a reviewer approves",
    file: "git.pullrequest.updated.json",
    apply: (pr) => {
      pr.reviewers = [{ displayName: "Grace Hopper", uniqueName: "grace@example.com", vote: 10 }];
    },
  },
  "git.pullrequest.merged": {
    label: "Pull request #1 merged (completed)",
    file: "git.pullrequest.merged.json",
    apply: (pr) => {
      pr.status = "completed";
      pr.closedDate = new Date().toISOString();
    },
  },
  "ms.vss-code.git-pullrequest-comment-event": {
    label: "A comment on pull request #1 (by the email below)",
    file: "ms.vss-code.git-pullrequest-comment-event.json",
    apply: (pr, _wi, comment, state) => {
      state.commentCount = (state.commentCount ?? 0) + 1;
      return {
        comment: {
          id: state.commentCount,
          parentCommentId: 0,
          author: person(comment.email),
          content: comment.text,
          publishedDate: new Date().toISOString(),
          commentType: "text",
          _links: {
            threads: { href: `https://dev.azure.com/${SANDBOX_ORG}/_apis/git/repositories/${pr.repository!.id}/pullRequests/1/threads/${state.commentCount}` },
          },
        },
        pullRequest: pr,
      };
    },
  },
  "workitem.commented": {
    label: "A comment on work item #5 (by the email below)",
    file: "workitem.commented.json",
    apply: (_pr, wi, comment, state) => {
      state.commentCount = (state.commentCount ?? 0) + 1;
      (state.workItemComments ??= []).push({
        workItemId: wi.id,
        commentId: state.commentCount,
        text: comment.text,
        createdBy: person(comment.email),
        createdDate: new Date().toISOString(),
      });
      wi.fields = { ...wi.fields, "System.History": comment.text };
      return wi as unknown as Record<string, unknown>;
    },
  },
  "workitem.updated": {
    label: "Work item #5 moved to Active",
    file: "workitem.updated.json",
    apply: (_pr, wi) => {
      wi.fields = { ...wi.fields, "System.State": "Active" };
      wi.rev = (wi.rev ?? 1) + 1;
    },
  },
};

/** What the extension harness needs from Groundwork: where it runs and the extension's secret. */
export interface SandboxExtension {
  groundworkUrl: string;
  extensionSecret: string;
  audience?: string;
  extensionDist?: string;
}

/** The branches besides each repository's default one, the files their commits added, and the pull requests from them. */
function startedWork(state: FakeAdoState) {
  const repositories = state.projects.flatMap((p) => p.repositories.map((r) => ({ project: p.name, ...r })));
  const sections = Object.entries(state.git ?? {}).flatMap(([id, git]) => {
    const repository = repositories.find((r) => r.id.toLowerCase() === id);
    const base = git.commits[git.refs[git.defaultBranch] ?? ""]?.files ?? {};
    return Object.entries(git.refs)
      .filter(([name]) => name !== git.defaultBranch)
      .map(([name, head]) => {
        const branch = name.replace(/^refs\/heads\//, "");
        const files = Object.entries(git.commits[head]?.files ?? {}).filter(([path, content]) => base[path] !== content);
        const prs = (state.pullRequests ?? []).filter((pr) => pr.sourceRefName === name && pr.repository?.id.toLowerCase() === id);
        return `<section aria-label="Branch ${escapeHtml(branch)}"><h3>${escapeHtml(`${repository?.project}/${repository?.name}`)}: branch <code>${escapeHtml(branch)}</code></h3>
${files.map(([path, content]) => `<p>${escapeHtml(path)}</p><pre aria-label="${escapeHtml(path)}">${escapeHtml(content)}</pre>`).join("")}
${prs
  .map(
    (
      pr,
    ) => `<p>Pull request #${pr.pullRequestId} (${escapeHtml(pr.status ?? "active")}) into ${escapeHtml(pr.targetRefName ?? "")}: <strong>${escapeHtml(pr.title ?? "")}</strong>; reviewers: ${escapeHtml((pr.reviewers ?? []).map((r) => r.displayName).join(", ") || "none")}</p>
<pre aria-label="Description of pull request #${pr.pullRequestId}">${escapeHtml(pr.description ?? "")}</pre>
${pr.status === "active" ? `<form method="post" action="/_sandbox/complete"><input type="hidden" name="id" value="${pr.pullRequestId}"><button>Complete pull request #${pr.pullRequestId}</button></form>` : ""}`,
  )
  .join("")}</section>`;
      });
  });
  return sections.length ? sections.join("") : "<p>None yet: in Groundwork, give an assignment a repository and choose <strong>Start work</strong>.</p>";
}

export async function startAdoSandbox(port = 0, extension?: SandboxExtension) {
  const created = fixture("git.pullrequest.created.json");
  const project = { id: created.resource.repository.project.id as string, name: "Fabrikam" };
  const repository = { id: created.resource.repository.id as string, name: "Fabrikam" };
  const ledger = { id: "5b4a4c9e-0000-4000-8000-0000000001ed", name: "Ledger" };
  // Opened recently, so that the members' timelines show it among this month's work.
  const pr: AdoPullRequest = { ...created.resource, creationDate: new Date(Date.now() - 2 * 86400_000).toISOString(), repository: { ...repository, project } };
  const sample = fixture("workitem.created.json").resource as AdoWorkItem;
  // Changed yesterday, so that the attach box's recent work lists it above the Ledger's history.
  const wi: AdoWorkItem = { ...sample, id: 5, fields: { ...sample.fields, "System.ChangedDate": new Date(Date.now() - 86400_000).toISOString() } };
  const ledgerHistory = adoHistory(
    { count: 400, days: 270, now: HISTORY_UNTIL(), authors: SANDBOX_PEOPLE((name) => `sandbox-${name}`), firstId: 1000 },
    { ...ledger, project },
  );
  const discussion = adoDiscussion(ledgerHistory, 2000);
  const state: FakeAdoState = {
    organization: SANDBOX_ORG,
    pat: SANDBOX_PAT,
    otherTokens: SANDBOX_SHORT_PATS,
    user: { id: "sandbox-user", displayName: "Sandbox Admin", email: "admin@groundwork-sandbox.test" },
    projects: [{ ...project, repositories: [repository, ledger] }],
    // Nine months of a busy repository, with its reviews' comments and work items, for the history
    // import: paged by 25 and rate-limited (Azure DevOps counts usage, not calls; this stands in at
    // 2,400 calls a minute).
    pullRequests: [pr, ...ledgerHistory],
    pullRequestThreads: discussion.threads,
    pullRequestWorkItems: discussion.references,
    pageSize: 25,
    rateLimit: { requests: 2400, windowMs: 60_000 },
    pullRequestChanges: { [pr.pullRequestId]: fixture("rest.sandbox_pullrequest_changes.json") },
    workItems: [wi, ...discussion.workItems],
    allowInsecureHookUrls: true,
    ...(extension
      ? {
          entra: {
            tenant: SANDBOX_ENTRA.tenant,
            apps: [{ ...SANDBOX_ENTRA, redirectUris: [new URL(ENTRA_CALLBACK_PATH, extension.groundworkUrl).toString()] }],
          },
        }
      : {}),
  };
  const host = fakeAdo(state);
  // A round trip to Azure DevOps takes time: an import's progress is there to be seen.
  host.latencyMs = 15;
  const prUrl = `https://dev.azure.com/${SANDBOX_ORG}/Fabrikam/_git/Fabrikam/pullrequest/1`;
  const wiUrl = `https://dev.azure.com/${SANDBOX_ORG}/Fabrikam/_workitems/edit/5`;

  host.addRoute({
    method: "GET",
    path: "/",
    handle: (req) => {
      const result = req.query.get("result");
      return {
        status: 200,
        body: `<!doctype html><html><head><title>Azure DevOps sandbox</title>
<style>body{font-family:system-ui;max-width:760px;margin:2rem auto;padding:0 1rem}code{background:#eee;padding:2px 4px}label{display:block;margin:.5rem 0}input,select{width:100%;padding:.4rem}</style></head>
<body><h1>Azure DevOps sandbox</h1>
<p>A pretend Azure DevOps organisation for trying Groundwork. In Groundwork → Integrations, connect:</p>
<ul><li>Organisation URL: <code>https://dev.azure.com/${SANDBOX_ORG}</code></li><li>Personal access token: <code>${SANDBOX_PAT}</code> (every scope Groundwork uses)</li></ul>
<p>To see what Test connection says about a token with too few scopes, try one of these:</p>
<ul>${SANDBOX_SHORT_PATS.map((t) => `<li><code>${t.pat}</code> — lacks ${escapeHtml(t.lacks)}</li>`).join("")}</ul>
${state.entra ? `<p>Or, without a token: <strong>Sign in with Microsoft</strong> on the Azure DevOps card. This sandbox plays Microsoft Entra ID; accept as <code>${escapeHtml(state.user.email)}</code>, who belongs to the organisation (any other email belongs to none).</p>` : ""}
<p>Then paste these onto feedback, an agenda item or an OKR:</p>
<ul><li>Pull request: <code>${prUrl}</code></li><li>Work item: <code>${wiUrl}</code></li></ul>
${
  extension
    ? `<h2>Try the Azure DevOps extension</h2>
<p>Opens pull request #1 with Groundwork's tab, the way Azure DevOps shows it, signed in as the email you give (use your Groundwork email).</p>
<form method="get" action="/_harness/pr-tab"><label>Signed in to Azure DevOps as<input name="as" type="email" required value="${escapeHtml(state.user.email)}"></label>
<label>Theme<select name="theme"><option value="light">Light</option><option value="dark">Dark</option></select></label><button>Open the pull request page</button></form>
<p><a href="/_harness/settings-hub">Open the organisation settings page</a></p>`
    : ""
}
<h2>Statuses Groundwork posted on pull request #1</h2>
${(() => {
  const posted = (state.statuses ?? []).filter((st) => st.pullRequestId === pr.pullRequestId);
  const latest = posted.at(-1);
  return latest
    ? `<p role="note" aria-label="Latest PR status"><strong>${escapeHtml(latest.context.genre)}/${escapeHtml(latest.context.name)}</strong>: ${escapeHtml(latest.state)} — ${escapeHtml(latest.description)} (<a href="${escapeHtml(latest.targetUrl)}">details</a>); ${posted.length} posted so far.</p>`
    : "<p>None yet: connect the organisation, then attach the pull request or send it an update.</p>";
})()}
<h2>Branches and pull requests Groundwork started</h2>
${startedWork(state)}
<h2>Send a service hook</h2>
${result ? `<p role="status"><strong>${escapeHtml(result)}</strong></p>` : ""}
<p>${state.subscriptions?.length ? `${state.subscriptions.length} service hook subscription(s) exist: events go to them unless you enter a webhook URL.` : "No service hooks exist yet: use “Create the service hooks for me” in Groundwork, or enter the webhook URL and secret it showed you."}</p>
<form method="post" action="/_sandbox/send">
<label>Event<select name="event">${Object.entries(EVENTS)
          .map(([k, e]) => `<option value="${k}">${escapeHtml(e.label)}</option>`)
          .join("")}</select></label>
<label>Comment as (email of a Groundwork member)<input name="email" type="email" value="admin@groundwork-sandbox.test"></label>
<label>Comment text<input name="text" value="Looks good — nice split of the migration."></label>
<label>Webhook URL (from Groundwork; optional with service hooks)<input name="url"></label>
<label>Secret (shown once by Groundwork)<input name="secret"></label>
<button>Send</button></form></body></html>`,
      };
    },
  });
  // Completing (merging) a pull request Groundwork started, and the service hook Azure DevOps sends for it.
  host.addRoute({
    method: "POST",
    path: "/_sandbox/complete",
    handle: async (req) => {
      const started = state.pullRequests?.find((p) => p.pullRequestId === Number(new URLSearchParams(req.body).get("id")) && p.status === "active");
      if (!started) return { status: 400, body: "no such active pull request" };
      Object.assign(started, { status: "completed", closedDate: new Date().toISOString() });
      const body = fixture("git.pullrequest.merged.json");
      body.id = randomUUID();
      body.resourceContainers = { ...body.resourceContainers, project: { id: started.repository!.project!.id } };
      body.resource = { ...body.resource, ...started };
      const sent = await deliverToSubscriptions(state, body);
      const result = sent.length
        ? `Completed #${started.pullRequestId}; ${sent.map((d) => `Groundwork answered ${d.status}`).join("; ")}`
        : `Completed #${started.pullRequestId}; no service hook subscribes to merges: create the hooks from Groundwork`;
      return { status: 303, headers: { location: `/?result=${encodeURIComponent(result)}` } };
    },
  });
  host.addRoute({
    method: "POST",
    path: "/_sandbox/send",
    handle: async (req) => {
      const form = new URLSearchParams(req.body);
      const event = EVENTS[form.get("event") ?? ""];
      if (!event) return { status: 400, body: "unknown event" };
      const comment = { email: form.get("email") || state.user.email, text: form.get("text") || "A comment" };
      const resource = event.apply(pr, wi, comment, state);
      const body = fixture(event.file);
      body.id = randomUUID();
      body.resourceContainers = { ...body.resourceContainers, project: { id: project.id } };
      if (resource) body.resource = resource;
      else if (body.eventType.startsWith("git.")) body.resource = { ...body.resource, ...pr };
      else body.resource = { ...body.resource, workItemId: wi.id, revision: wi };
      let result: string;
      try {
        const url = form.get("url");
        if (url) {
          const res = await sendServiceHook(url, body, form.get("secret") ?? "");
          result = `Groundwork answered ${res.status}: ${await res.text()}`;
        } else {
          const sent = await deliverToSubscriptions(state, body);
          result = sent.length
            ? sent.map((d) => `Delivered to ${d.url}: Groundwork answered ${d.status}`).join("; ")
            : "No service hook subscribes to this event: enter the webhook URL and secret, or create the hooks from Groundwork";
        }
      } catch (err) {
        result = `Could not reach the webhook URL: ${(err as Error).message}`;
      }
      return { status: 303, headers: { location: `/?result=${encodeURIComponent(result)}` } };
    },
  });
  if (extension)
    addExtensionHarness(host, state, {
      extensionDist: extension.extensionDist ?? DEFAULT_EXTENSION_DIST,
      groundworkUrl: extension.groundworkUrl,
      extensionSecret: extension.extensionSecret,
      audience: extension.audience ?? "groundwork.groundwork",
      publisher: "groundwork",
      extensionId: "groundwork",
      project,
      repository,
      pullRequestId: 1,
    });
  await host.start(port);
  return host;
}
