import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import * as jwt from "atlassian-jwt";
import type { BitbucketPullRequest } from "@groundwork/backend/hosts/bitbucket/client";
import { BitbucketHostDriver, deliverRepositoryHooks, fakeBitbucket, type FakeBitbucketState } from "./fakeBitbucket.js";
import { bitbucketUserUuid } from "./identities.js";
import { OAUTH_CALLBACK_PATH } from "@groundwork/backend/hosts/bitbucket/accountLink";
import { hostSample } from "../samples.js";
import { bitbucketHistory, HISTORY_UNTIL, SANDBOX_PEOPLE } from "../history.js";
import { SANDBOX_WORKSPACE } from "@groundwork/backend/hosts/bitbucket/installations";
import { escapeHtml } from "@groundwork/backend/http/html";
import { bitbucketEventEntry } from "@groundwork/backend/hosts/bitbucket/events";
import { fakeForge, type ForgeAttempt } from "./fakeForge.js";
import { bitbucketWorkspaceUuid } from "./identities.js";

/**
 * The local Bitbucket sandbox `npm start` runs beside Groundwork: a pretend Bitbucket Cloud
 * with a workspace, a repository and a pull request, that installs the Groundwork Connect app
 * the way Bitbucket does, frames its configure page and PR panel with signed URLs, provides
 * the panel's all.js (context tokens, resizing), and sends documented webhooks. It also plays
 * Forge for the Forge app: it frames the app's built Custom UI with a bridge whose
 * `invokeRemote` reaches Groundwork with invocation tokens it signs (its JWKS is
 * /_forge/jwks.json), and sends the app's events.
 */
const fixture = (name: string) => hostSample("bitbucket", name);
const WORKSPACE = SANDBOX_WORKSPACE;
/** The sandbox workspace's access token, for trying the direct connection. */
export const SANDBOX_BITBUCKET_TOKEN = "sandbox-bitbucket-token-0123456789abcdefghij";
/** The sandbox workspace's OAuth consumer, through which members sign in to link their account on the access-token path. */
export const SANDBOX_OAUTH_CONSUMER = { key: "sandbox-consumer-key", secret: "sandbox-consumer-secret-0123456789" };
/** Deliberately short tokens, so a new user sees Test connection name what each one lacks. */
const SHORT_TOKENS = [
  { token: "sandbox-bitbucket-token-no-webhooks-0123456789", scopes: ["repository", "pullrequest"], lacks: "Webhooks (Read and write)" },
  { token: "sandbox-bitbucket-token-repositories-only-01234", scopes: ["repository"], lacks: "Pull requests (Read) and Webhooks (Read and write)" },
];
const REPO = "payments";
const userUuid = bitbucketUserUuid;
/** The Forge app as the sandbox knows it: `npm start` gives Groundwork this id (FORGE_APP_ID) unless one is set. */
export const SANDBOX_FORGE_APP_ID = "ari:cloud:ecosystem::app/5a4db0c5-0000-4000-8000-00000000f0e9";
/** The Forge app's Custom UI, as `npm run build:forge` leaves it. */
const FORGE_DIST = path.resolve(import.meta.dirname, "../../../bitbucket-forge-app/dist");
const FORGE_MODULES = {
  card: { type: "bitbucket:repoPullRequestCard", key: "groundwork-pr-card" },
  settings: { type: "bitbucket:workspaceSettingsMenuPage", key: "groundwork-settings" },
} as const;
const CONTENT_TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml" };

/**
 * What @forge/bridge calls into (globalThis.__bridge.callBridge) inside a Custom UI frame: here,
 * \`invoke\` (invokeRemote) goes to the sandbox, which signs the invocation as Forge does;
 * anything else the bridge asks (resizing, theming) is answered with nothing.
 */
const FORGE_BRIDGE_JS = `window.__bridge = {
  callBridge: async function (name, payload) {
    if (name !== "invoke") return undefined;
    var res = await fetch("/_forge/invoke" + location.search, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(payload) });
    return res.json();
  }
};`;

/**
 * The host's Connect JavaScript API, as much of it as our pages use: tokens come from the framing
 * page, and, as Bitbucket documents (developer.atlassian.com/cloud/bitbucket/about-the-javascript-api),
 * a page module is sized to its content once loaded — to its \`ac-content\` element, else its body.
 */
const ALL_JS = `(function () {
  var waiting = {}, next = 1;
  window.addEventListener("message", function (e) {
    if (e.source !== window.parent || !e.data || e.data.type !== "ap-token") return;
    var cb = waiting[e.data.id]; delete waiting[e.data.id]; if (cb) cb(e.data.token);
  });
  function height() {
    var content = document.querySelector(".ac-content");
    return content ? Math.ceil(content.getBoundingClientRect().bottom) : document.documentElement.scrollHeight;
  }
  window.AP = {
    context: { getToken: function (cb) { var id = next++; waiting[id] = cb; window.parent.postMessage({ type: "ap-get-token", id: id }, "*"); } },
    resize: function () { window.parent.postMessage({ type: "ap-resize", height: height() }, "*"); }
  };
  window.addEventListener("load", function () { window.AP.resize(); });
})();`;

export async function startBitbucketSandbox(port: number, groundworkUrl: string, appKey: string) {
  const created = fixture("pullrequest_created.json");
  const repository = { full_name: `${WORKSPACE}/${REPO}`, name: REPO, uuid: "{bc771cbf-829e-4c4b-b71f-a0eb3ac2b860}" };
  const changes = fixture("rest.sandbox_pullrequest_changes.json");
  const pr: BitbucketPullRequest = {
    ...created.pullrequest,
    title: "Make refunds idempotent",
    description: changes.description,
    // Recent, so that the members' timelines show it among this month's work.
    created_on: new Date(Date.now() - 3 * 86400_000).toISOString(),
    updated_on: new Date(Date.now() - 86400_000).toISOString(),
    source: { ...created.pullrequest.source, repository },
    destination: { ...created.pullrequest.destination, repository },
  };
  const state: FakeBitbucketState = {
    token: SANDBOX_BITBUCKET_TOKEN,
    // Write scopes too, so that Start work can make branches, commits and pull requests.
    tokenScopes: ["repository:write", "pullrequest:write", "webhook"],
    oauthConsumers: [{ ...SANDBOX_OAUTH_CONSUMER, callbackUrl: new URL(OAUTH_CALLBACK_PATH, groundworkUrl).toString() }],
    otherTokens: SHORT_TOKENS,
    appKey,
    user: { uuid: userUuid("admin"), display_name: "Sandbox Admin", account_id: "sandbox:admin" },
    repositories: [
      { workspace: WORKSPACE, slug: REPO, uuid: repository.uuid },
      { workspace: WORKSPACE, slug: "ledger", uuid: "{5b4a4c9e-0000-4000-8000-0000000001ed}" },
    ],
    pullRequests: [
      { workspace: WORKSPACE, slug: REPO, pr, diffstat: changes.diffstat, commits: changes.commits },
      // Nine months of a busy repository with its reviewers' comments, for the history import; Bitbucket's allowance of 1,000 calls an hour applies.
      ...bitbucketHistory({ count: 400, days: 270, now: HISTORY_UNTIL(), authors: SANDBOX_PEOPLE(userUuid), firstId: 100 }, `${WORKSPACE}/ledger`).map((p) => ({
        workspace: WORKSPACE,
        slug: "ledger",
        pr: p,
        comments: (p.participants ?? []).map((r, i) => ({
          id: p.id * 10 + i,
          content: { raw: `Reviewed: ${p.title}` },
          user: r.user,
          created_on: p.updated_on,
          links: { html: { href: `https://bitbucket.org/${WORKSPACE}/ledger/pull-requests/${p.id}/_/diff#comment-${p.id * 10 + i}` } },
        })),
      })),
    ],
    maxPagelen: 50,
    rateLimit: { requests: 1000, windowMs: 3600_000 },
    commits: [`${pr.source!.commit!.hash}${"a".repeat(28)}`],
  };
  const install = {
    clientKey: `{${randomUUID()}}`,
    sharedSecret: randomBytes(24).toString("base64url"),
    principal: { uuid: `{${randomUUID()}}`, username: WORKSPACE },
  };
  // The sandbox's admin administers the workspace, so its configure page hands out a bind code.
  state.workspaceMembers = [{ workspace: install.principal.uuid, uuid: state.user.uuid, permission: "owner" }];
  const host = fakeBitbucket(state);
  const appBase = `${groundworkUrl.replace(/\/$/, "")}/bitbucket`;
  // Forge's side of the Forge app: its keys, the system tokens the workspace takes, its events.
  const forge = await fakeForge({ appId: SANDBOX_FORGE_APP_ID });
  state.forgeTokens = forge.systemTokens;
  host.addRoute(forge.jwksRoute);
  // The Forge app asks about the workspace by its uuid, which Bitbucket resolves to the workspace itself.
  state.workspaceMembers.push({ workspace: WORKSPACE, uuid: state.user.uuid, permission: "owner" });
  let forgeInstalled = false;
  /** Forge names people by Atlassian account id: each sandbox user has one. */
  const forgeAccount = (as: string) => {
    const account_id = `sandbox:${as}`;
    if (![state.user, ...(state.people ?? [])].some((p) => p.account_id === account_id))
      (state.people ??= []).push({ uuid: userUuid(as), display_name: as, account_id });
    return account_id;
  };
  /** An event as Forge sends it to the app (ids only); resolves with Groundwork's first answer, Forge retrying after. */
  const forgeEvent = (eventKey: string, body: { pullrequest: BitbucketPullRequest; comment?: { id?: number } }) =>
    new Promise<ForgeAttempt["status"]>((resolve) => {
      const eventType = bitbucketEventEntry(eventKey)!.forge;
      const { pullrequest: p, comment } = body;
      const payload = {
        eventType,
        timestamp: new Date().toISOString(),
        actor: { type: "user", accountId: state.user.account_id, uuid: state.user.uuid },
        workspace: { uuid: bitbucketWorkspaceUuid(WORKSPACE) },
        repository: { uuid: repository.uuid },
        pullrequest: {
          id: p.id,
          state: p.state,
          source: { branch: p.source?.branch?.name, commit: { hash: p.source?.commit?.hash } },
          destination: { branch: p.destination?.branch?.name, commit: { hash: p.destination?.commit?.hash } },
        },
        ...(comment?.id ? { comment: { id: comment.id } } : {}),
      };
      void forge.sendEvent(WORKSPACE, "/events", payload, "groundwork-events-remote", (a) => a.retryCount === 0 && resolve(a.status));
    });
  const installed = () => Boolean(state.installations?.[install.clientKey]);
  let commentCount = 0;
  /** Like Bitbucket: to the app if it is installed, and to the repository webhooks a token connection made. */
  const deliver = async (eventKey: string, body: unknown, slug = REPO) => {
    const answers = [
      ...(installed() ? [(await driver.webhook(install.clientKey, eventKey, body)).status] : []),
      ...(forgeInstalled && slug === REPO ? [await forgeEvent(eventKey, body as { pullrequest: BitbucketPullRequest })] : []),
      ...(await deliverRepositoryHooks(state, WORKSPACE, slug, eventKey, body)),
    ];
    return answers.length
      ? `Groundwork answered ${answers.join(", ")} to ${eventKey}`
      : `Nothing receives ${eventKey}: install an app or connect with the access token first`;
  };
  /** A signed URL to one of the app's pages, as Bitbucket builds it for an iframe. */
  const signedPage = (pagePath: string, query: Record<string, string>) => {
    const q = new URLSearchParams({ ...query, xdm_e: host.url });
    const relative = `${pagePath}?${q}`;
    const now = Math.floor(Date.now() / 1000);
    const token = jwt.encodeSymmetric(
      {
        iss: install.clientKey,
        iat: now,
        exp: now + 180,
        qsh: jwt.createQueryStringHash(jwt.fromMethodAndUrl("GET", relative)),
        sub: query.user ?? state.user.uuid,
      },
      install.sharedSecret,
      jwt.SymmetricAlgorithm.HS256,
    );
    return `${appBase}${relative}&jwt=${token}`;
  };
  const framed = (
    title: string,
    src: string,
    height?: number,
  ) => `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)} — Bitbucket sandbox</title>
<style>body{margin:0;font-family:system-ui;background:#f4f5f7;color:#172b4d}header{background:#0052cc;color:#fff;padding:10px 20px}main{display:grid;grid-template-columns:1fr 360px;gap:16px;padding:16px 20px}
section{background:#fff;border-radius:3px;padding:12px}iframe{border:0;width:100%;min-height:80px;display:block}</style></head>
<body><header>Bitbucket sandbox · ${WORKSPACE} / ${REPO}</header><main><section><h2>${escapeHtml(title)}</h2><p>${escapeHtml(pr.description ?? "")}</p></section>
<section><iframe id="app" title="Groundwork" src="${escapeHtml(src)}"${height ? ` style="height:${height}px"` : ""}></iframe></section></main>
<script>
const frame = document.getElementById("app");
const user = new URLSearchParams(location.search).get("as") || "admin";
window.addEventListener("message", async (e) => {
  if (e.source !== frame.contentWindow || !e.data) return;
  if (e.data.type === "ap-resize") frame.style.height = e.data.height + "px";
  if (e.data.type === "ap-get-token") {
    const { token } = await (await fetch("/_sandbox/context-token?as=" + encodeURIComponent(user))).json();
    frame.contentWindow.postMessage({ type: "ap-token", id: e.data.id, token }, "*");
  }
});
</script></body></html>`;

  host.addRoute({
    method: "GET",
    path: "/_forge/bridge.js",
    handle: () => ({ status: 200, headers: { "content-type": "text/javascript" }, body: FORGE_BRIDGE_JS }),
  });
  host.addRoute({
    method: "GET",
    path: "/_forge/resources/:resource/:file*",
    // The app's built Custom UI, as Forge hosts it, with the bridge loaded first.
    handle: (req) => {
      const folder = path.join(FORGE_DIST, req.params.resource === "settings" ? "settings" : "panel");
      const file = path.resolve(folder, req.params.file!);
      if (!file.startsWith(`${folder}${path.sep}`) || !fs.existsSync(file))
        return { status: 404, body: fs.existsSync(folder) ? "no such file" : "The Forge app's pages are not built: run npm run build:forge" };
      const ext = path.extname(file);
      const text = fs.readFileSync(file, ext === ".html" ? "utf8" : undefined);
      const body = ext === ".html" ? (text as string).replace("<head>", '<head><script src="/_forge/bridge.js"></script>') : text;
      return { status: 200, headers: { "content-type": CONTENT_TYPES[ext] ?? "application/octet-stream" }, body };
    },
  });
  host.addRoute({
    method: "POST",
    path: "/_forge/invoke",
    // invokeRemote from a Custom UI frame: Forge signs who (the frame's user) and where (its module; the card's pull request), then calls the remote.
    handle: async (req) => {
      const as = req.query.get("as") ?? "admin";
      const module = req.query.get("module") === "settings" ? FORGE_MODULES.settings : FORGE_MODULES.card;
      const input = JSON.parse(req.body || "{}") as { path: string; method?: string; body?: unknown };
      const extension =
        module === FORGE_MODULES.card ? { type: module.type, repository: { uuid: repository.uuid }, pullRequest: { id: pr.id } } : { type: module.type };
      try {
        const res = await forge.invokeRemote(WORKSPACE, module, { ...input, principal: forgeAccount(as), context: { extension } });
        return { status: 200, body: { success: true, payload: { status: res.status, headers: {}, body: res.body } } };
      } catch (err) {
        return {
          status: 200,
          body: { success: false, error: { status: 502, headers: {}, body: { error: { code: "remote_unreachable", message: (err as Error).message } } } },
        };
      }
    },
  });
  host.addRoute({
    method: "GET",
    path: "/_sandbox/forge/:page",
    handle: (req) => {
      const as = req.query.get("as") ?? "admin";
      if (req.params.page === "settings")
        return {
          status: 200,
          body: framed(
            "Workspace settings · Groundwork (Forge app)",
            `/_forge/resources/settings/index.html?module=settings&as=${encodeURIComponent(as)}`,
            420,
          ),
        };
      return {
        status: 200,
        body: framed(`Pull request #${pr.id}: ${pr.title}`, `/_forge/resources/panel/index.html?module=card&as=${encodeURIComponent(as)}`, 640),
      };
    },
  });
  host.addRoute({
    method: "GET",
    path: "/atlassian-connect/all.js",
    handle: () => ({ status: 200, headers: { "content-type": "text/javascript" }, body: ALL_JS }),
  });
  host.addRoute({
    method: "GET",
    path: "/_sandbox/context-token",
    handle: (req) => {
      const now = Math.floor(Date.now() / 1000);
      const sub = userUuid(req.query.get("as") ?? "admin");
      const token = jwt.encodeSymmetric(
        { iss: install.clientKey, iat: now, exp: now + 900, qsh: "context-qsh", sub },
        install.sharedSecret,
        jwt.SymmetricAlgorithm.HS256,
      );
      return { status: 200, body: { token } };
    },
  });
  host.addRoute({
    method: "GET",
    path: "/_sandbox/configure",
    handle: () => ({ status: 200, body: framed("Workspace settings · Groundwork", signedPage("/configure", {})) }),
  });
  host.addRoute({
    method: "GET",
    path: "/_sandbox/pull-request",
    handle: (req) => {
      const as = req.query.get("as") ?? "admin";
      return {
        status: 200,
        body: framed(
          `Pull request #${pr.id}: ${pr.title}`,
          signedPage("/panel/pull-request", { repository: `${WORKSPACE}/${REPO}`, pullrequest: String(pr.id), user: userUuid(as) }),
        ),
      };
    },
  });
  host.addRoute({
    method: "POST",
    path: "/_sandbox/:action",
    handle: async (req) => {
      let result: string;
      try {
        if (req.params.action === "install") result = `Groundwork answered ${(await driver.install(install)).status} to the install`;
        else if (req.params.action === "forge-install") {
          forgeInstalled = true;
          const [attempt] = await forge.sendEvent(WORKSPACE, "/lifecycle", fixture("forge.lifecycle_installed.json"), "groundwork-lifecycle-remote");
          result = `Groundwork answered ${attempt!.status} to the Forge app's installation`;
        } else if (req.params.action === "uninstall") result = `Groundwork answered ${(await driver.uninstall(install)).status} to the uninstall`;
        else if (req.params.action === "merge-started") {
          // Merging a pull request Groundwork started, and the webhook Bitbucket sends for it.
          const form = new URLSearchParams(req.body);
          const started = state.pullRequests?.find((p) => `${p.workspace}/${p.slug}` === form.get("repository") && p.pr.id === Number(form.get("id")));
          if (!started || started.pr.state !== "OPEN") return { status: 400, body: "no such open pull request" };
          Object.assign(started.pr, { state: "MERGED", updated_on: new Date().toISOString() });
          const full = { full_name: `${started.workspace}/${started.slug}`, name: started.slug };
          const body = { ...fixture("pullrequest_fulfilled.json"), pullrequest: started.pr, repository: full };
          result = `Merged #${started.pr.id}; ${await deliver("pullrequest:fulfilled", body, started.slug)}`;
        } else if (req.params.action === "edit-started") {
          // Editing a pull request's description on Bitbucket (ticking its checklist), with its webhook or, to try Sync, without.
          const form = new URLSearchParams(req.body);
          const started = state.pullRequests?.find((p) => `${p.workspace}/${p.slug}` === form.get("repository") && p.pr.id === Number(form.get("id")));
          if (!started || started.pr.state !== "OPEN") return { status: 400, body: "no such open pull request" };
          Object.assign(started.pr, { description: form.get("description") ?? "", updated_on: new Date().toISOString() });
          const full = { full_name: `${started.workspace}/${started.slug}`, name: started.slug };
          const body = { ...fixture("pullrequest_updated.json"), pullrequest: started.pr, repository: full };
          result = form.get("webhook")
            ? `Saved #${started.pr.id}; ${await deliver("pullrequest:updated", body, started.slug)}`
            : `Saved #${started.pr.id}; no webhook sent (Groundwork hears of it on Sync, or when its Assignments page is opened after a quiet spell)`;
        } else if (req.params.action === "merge") {
          pr.state = "MERGED";
          pr.updated_on = new Date().toISOString();
          const body = { ...fixture("pullrequest_fulfilled.json"), pullrequest: pr, repository };
          result = await deliver("pullrequest:fulfilled", body);
        } else if (req.params.action === "comment") {
          const form = new URLSearchParams(req.body);
          const as = form.get("as") || "admin";
          const base = fixture("pullrequest_comment_created.json");
          commentCount++;
          const comment = {
            ...base.comment,
            id: commentCount,
            content: { raw: form.get("text") || "A comment", markup: "markdown", html: "", type: "rendered" },
            user: { type: "user", uuid: userUuid(as), display_name: as, nickname: as },
            created_on: new Date().toISOString(),
            links: { html: { href: `https://bitbucket.org/${WORKSPACE}/${REPO}/pull-requests/${pr.id}#comment-${commentCount}` } },
          };
          // Kept on the pull request, where the Forge app reads it by id.
          (state.pullRequests![0]!.comments ??= []).push(comment);
          const body = { ...base, comment, pullrequest: pr, repository };
          result = await deliver("pullrequest:comment_created", body);
        } else return { status: 404, body: "no such action" };
      } catch (err) {
        result = `Could not reach Groundwork: ${(err as Error).message}`;
      }
      return { status: 303, headers: { location: `/?result=${encodeURIComponent(result)}` } };
    },
  });
  host.addRoute({
    method: "GET",
    path: "/",
    handle: (req) => {
      const result = req.query.get("result");
      const prUrl = `https://bitbucket.org/${WORKSPACE}/${REPO}/pull-requests/${pr.id}`;
      return {
        status: 200,
        body: `<!doctype html><html><head><title>Bitbucket sandbox</title><style>body{font-family:system-ui;max-width:760px;margin:2rem auto;padding:0 1rem}code{background:#eee;padding:2px 4px}form{display:inline}</style></head>
<body><h1>Bitbucket sandbox</h1>
<p>A pretend Bitbucket Cloud workspace, <code>${WORKSPACE}</code>, for trying Groundwork's Bitbucket app — or, without the app,
Integrations → Bitbucket → <em>Or connect with an access token</em> with workspace <code>${WORKSPACE}</code> and token <code>${SANDBOX_BITBUCKET_TOKEN}</code>.
To see Test connection name missing scopes, try ${SHORT_TOKENS.map((t) => `<code>${t.token}</code> (lacks ${escapeHtml(t.lacks)})`).join(" or ")}.
On that path members link their Bitbucket account from their Groundwork profile, signing in here through the workspace's OAuth consumer.</p>
${result ? `<p role="status"><strong>${escapeHtml(result)}</strong></p>` : ""}
<ol>
<li>${installed() ? "The Groundwork app is installed." : "The Groundwork app is not installed."} <form method="post" action="/_sandbox/install"><button>Install Groundwork</button></form></li>
<li><a href="/_sandbox/configure">Open the app's configure page</a> and connect the workspace to Groundwork (as a Groundwork owner).</li>
<li>Paste <code>${prUrl}</code> onto feedback, an agenda item or an OKR, or <a href="/_sandbox/pull-request?as=admin">open pull request #${pr.id}</a> and use the Groundwork panel
(<form method="get" action="/_sandbox/pull-request"><label>as Bitbucket user <input name="as" value="admin" size="10"></label> <button>Open</button></form>).</li>
<li><form method="post" action="/_sandbox/merge"><button>Merge pull request #${pr.id}</button></form> sends <code>pullrequest:fulfilled</code>.</li>
<li><form method="post" action="/_sandbox/comment"><label>Comment on pull request #${pr.id} as Bitbucket user <input name="as" value="admin" size="10"></label>
<input name="text" value="Looks good — the retries are idempotent now." size="40" aria-label="Comment"> <button>Comment</button></form>
(shows in Groundwork once that user linked their account, from the panel or from their Groundwork profile)</li>
<li><form method="post" action="/_sandbox/uninstall"><button>Uninstall Groundwork</button></form></li>
</ol>
<h2>The Forge app</h2>
<p>Workspaces new to Groundwork use its Forge app (Bitbucket takes no new Connect installs). Here the sandbox plays Forge: it hosts the app's pages and signs its calls to Groundwork.</p>
<ol>
<li>${forgeInstalled ? "The Forge app is installed." : "The Forge app is not installed."} <form method="post" action="/_sandbox/forge-install"><button>Install the Forge app</button></form></li>
<li><a href="/_sandbox/forge/settings?as=admin">Open Workspace settings → Groundwork</a> and connect the workspace to Groundwork (as a Groundwork owner).</li>
<li><form method="get" action="/_sandbox/forge/pull-request"><label>Open pull request #${pr.id} with the Groundwork card as Bitbucket user <input name="as" value="admin" size="10"></label> <button>Open with the card</button></form></li>
</ol>
<p>Merging and commenting above reach the Forge app too, once it is installed.</p>
<h2>Branches and pull requests Groundwork started</h2>
${startedWork(state)}
<h2>Build statuses Groundwork posted</h2>
${(() => {
  const latest = state.statuses?.at(-1);
  return latest
    ? `<p role="note" aria-label="Latest build status"><strong>${escapeHtml(latest.name)}</strong> on ${escapeHtml(latest.refname)} (${escapeHtml(latest.commit.slice(0, 12))}): ${escapeHtml(latest.state)} — ${escapeHtml(latest.description)} (<a href="${escapeHtml(latest.url)}">details</a>); ${state.statuses!.length} posted so far.</p>`
    : "<p>None yet: install the app, connect the workspace, and attach the pull request.</p>";
})()}</body></html>`,
      };
    },
  });
  await host.start(port);
  forge.at({ bitbucketUrl: host.url, remoteUrl: `${appBase}/forge` });
  const driver = new BitbucketHostDriver(state, appBase, host.url);
  return host;
}

/** What Start work made: each branch beside main, the files it changes, and the pull requests from it (with Merge). */
function startedWork(state: FakeBitbucketState) {
  const sections = Object.entries(state.sources ?? {}).flatMap(([repository, source]) => {
    const base = source.commits[source.branches[source.mainbranch] ?? ""]?.files ?? {};
    return Object.entries(source.branches)
      .filter(([branch]) => branch !== source.mainbranch)
      .map(([branch, head]) => {
        const files = Object.entries(source.commits[head]?.files ?? {}).filter(([path, content]) => base[path] !== content);
        const prs = (state.pullRequests ?? []).filter((p) => `${p.workspace}/${p.slug}`.toLowerCase() === repository && p.pr.source?.branch?.name === branch);
        return `<section aria-label="Branch ${escapeHtml(branch)}"><h3>${escapeHtml(repository)}: branch <code>${escapeHtml(branch)}</code></h3>
${files.map(([path, content]) => `<p>${escapeHtml(path)}</p><pre aria-label="${escapeHtml(path)}">${escapeHtml(content)}</pre>`).join("")}
${prs
  .map(
    ({ workspace, slug, pr }) =>
      `<p>Pull request #${pr.id} (${escapeHtml(pr.state ?? "OPEN")}) into ${escapeHtml(pr.destination?.branch?.name ?? "")}: <strong>${escapeHtml(pr.title ?? "")}</strong>; reviewers: ${escapeHtml((pr.reviewers ?? []).map((r) => r.display_name).join(", ") || "none")}</p>
<pre aria-label="Description of pull request #${pr.id}">${escapeHtml(pr.description ?? "")}</pre>
${
  pr.state === "OPEN"
    ? `<form method="post" action="/_sandbox/edit-started"><input type="hidden" name="repository" value="${escapeHtml(`${workspace}/${slug}`)}"><input type="hidden" name="id" value="${pr.id}">
<label>Edit the description of #${pr.id} on Bitbucket<br><textarea name="description" rows="8" cols="70">${escapeHtml(pr.description ?? "")}</textarea></label><br>
<label><input type="checkbox" name="webhook" value="1" checked> Send pullrequest:updated to Groundwork</label> <button>Save description of #${pr.id}</button></form>
<form method="post" action="/_sandbox/merge-started"><input type="hidden" name="repository" value="${escapeHtml(`${workspace}/${slug}`)}"><input type="hidden" name="id" value="${pr.id}"><button>Merge pull request #${pr.id}</button></form>`
    : ""
}`,
  )
  .join("")}</section>`;
      });
  });
  return sections.length ? sections.join("") : "<p>None yet: in Groundwork, give an assignment a repository and choose <strong>Start work</strong>.</p>";
}
