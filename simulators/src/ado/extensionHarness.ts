import fs from "node:fs";
import path from "node:path";
import { SignJWT } from "jose";
import type { FakeHost } from "../fakeHost.js";
import type { FakeAdoState } from "./fakeAdo.js";
import { escapeHtml } from "@groundwork/backend/http/html";

/**
 * A page that plays Azure DevOps for the Groundwork extension: it serves the built extension
 * the way the marketplace CDN does (the packaged files, with the Groundwork URL written in),
 * frames it, and answers the SDK's own XDM messages (azure-devops-extension-sdk XDM.ts: JSON
 * `{id, methodName, instanceId, params, handshakeToken}` over postMessage) with a host context
 * and a real app token signed with the extension's secret. So the unmodified production
 * bundle runs in a real browser.
 */
export interface HarnessOptions {
  /** ado-extension/dist */
  extensionDist: string;
  groundworkUrl: string;
  /** The extension certificate the backend verifies app tokens with. */
  extensionSecret: string;
  /** The `aud` ADO puts in app tokens (a GUID per extension); Groundwork checks it when configured. */
  audience: string;
  publisher: string;
  extensionId: string;
  project: { id: string; name: string };
  repository: { id: string; name: string };
  pullRequestId: number;
}

export const DEFAULT_EXTENSION_DIST = path.resolve(import.meta.dirname, "../../../ado-extension/dist");
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

/** Host theme variables as azure-devops-ui reads them (a subset of the host's theme). */
const THEMES: Record<string, Record<string, string>> = {
  light: {
    "background-color": "rgba(255, 255, 255, 1)",
    "text-primary-color": "rgba(0, 0, 0, .9)",
    "text-secondary-color": "rgba(0, 0, 0, .55)",
    "communication-foreground": "rgba(0, 90, 158, 1)",
    "palette-black-alpha-6": "rgba(0, 0, 0, .06)",
    "palette-black-alpha-10": "rgba(0, 0, 0, .10)",
    "palette-black-alpha-20": "rgba(0, 0, 0, .20)",
  },
  dark: {
    "background-color": "rgba(32, 31, 30, 1)",
    "text-primary-color": "rgba(255, 255, 255, .87)",
    "text-secondary-color": "rgba(255, 255, 255, .6)",
    "communication-foreground": "rgba(71, 158, 245, 1)",
    "palette-black-alpha-6": "rgba(255, 255, 255, .08)",
    "palette-black-alpha-10": "rgba(255, 255, 255, .12)",
    "palette-black-alpha-20": "rgba(255, 255, 255, .24)",
  },
};

const identityId = (email: string) => `sandbox-${email.toLowerCase()}`;

/** The app token ADO would hand the extension for this user (claims as observed from ADO). */
export function signAppToken(secret: string, userId: string, audience: string) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ nameid: userId, tid: "00000000-0000-0000-0000-000000000000", jti: crypto.randomUUID() })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer("app.vstoken.visualstudio.com")
    .setAudience(audience)
    .setNotBefore(now - 5)
    .setExpirationTime(now + 70 * 60)
    .sign(new TextEncoder().encode(secret));
}

export function addExtensionHarness(host: FakeHost, state: FakeAdoState, o: HarnessOptions) {
  const contributions = { "pr-tab": "groundwork-pr-tab", "settings-hub": "groundwork-settings-hub" } as const;

  host.addRoute({
    method: "GET",
    path: "/_cdn/:dir/:file",
    handle: (req) => {
      const file = path.resolve(o.extensionDist, req.params.dir!, req.params.file!);
      if (!file.startsWith(o.extensionDist + path.sep) || !fs.existsSync(file)) return { status: 404, body: "not found" };
      const type = TYPES[path.extname(file)] ?? "application/octet-stream";
      const body = type.startsWith("text/html") ? fs.readFileSync(file, "utf8").replaceAll("__GROUNDWORK_URL__", o.groundworkUrl) : fs.readFileSync(file);
      return { status: 200, headers: { "content-type": type, "cache-control": "no-cache" }, body };
    },
  });

  host.addRoute({
    method: "GET",
    path: "/_harness/app-token",
    handle: async (req) => {
      const email = req.query.get("as") ?? state.user.email;
      return { status: 200, body: { token: await signAppToken(o.extensionSecret, identityId(email), o.audience) } };
    },
  });

  host.addRoute({
    method: "GET",
    path: "/_harness/:contribution",
    handle: (req) => {
      const contribution = req.params.contribution as keyof typeof contributions;
      if (!contributions[contribution]) return { status: 404, body: "no such contribution" };
      const built = fs.existsSync(path.join(o.extensionDist, contribution, `${contribution}.html`));
      if (!built) return { status: 503, body: "Build the extension first: npm run build:ado" };
      const email = (req.query.get("as") ?? state.user.email).toLowerCase();
      const theme = req.query.get("theme") === "dark" ? "dark" : "light";
      const organization = req.query.get("org") ?? state.organization;
      // Where the tab learns its pull request: the host navigation service's page route, as real
      // extensions read it, or (?pr=configuration) only the contribution's configuration.
      const fromConfiguration = req.query.get("pr") === "configuration";
      const pageRoute =
        contribution === "pr-tab" && !fromConfiguration
          ? {
              routeId: "ms.vss-code-web.pull-request-review-route",
              routeValues: { project: o.project.name, GitRepositoryName: o.repository.name, parameters: String(o.pullRequestId), vctype: "git" },
            }
          : { routeId: "ms.vss-admin-web.collection-admin-hub-route", routeValues: {} };
      // The user exists in the organisation, so Groundwork can confirm them through its connection.
      state.identities ??= [];
      if (!state.identities.some((i) => i.id === identityId(email)) && email !== state.user.email.toLowerCase())
        state.identities.push({ id: identityId(email), displayName: email.split("@")[0]!, email });
      const handshake = {
        contributionId: `${o.publisher}.${o.extensionId}.${contributions[contribution]}`,
        context: {
          extension: { publisherId: o.publisher, extensionId: o.extensionId, id: `${o.publisher}.${o.extensionId}`, version: "0.1.0" },
          user: { id: identityId(email), name: email, displayName: email.split("@")[0], descriptor: `aad.${identityId(email)}`, imageUrl: "" },
          host: { id: "7a2d4f3e-0000-4000-8000-000000000001", name: organization, serviceVersion: "sandbox", type: 4 },
        },
        initialConfig:
          contribution === "pr-tab" && fromConfiguration
            ? { pullRequest: { pullRequestId: o.pullRequestId, repository: { ...o.repository, project: o.project } } }
            : {},
        themeData: THEMES[theme],
      };
      const page = contribution === "pr-tab" ? `Pull request ${o.pullRequestId} · ${o.repository.name}` : "Organization settings · Groundwork";
      return {
        status: 200,
        body: `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(page)} — Azure DevOps sandbox</title>
<style>body{margin:0;font-family:system-ui;background:${theme === "dark" ? "#1b1a19" : "#f8f8f8"};color:${theme === "dark" ? "#eee" : "#222"}}
header{padding:10px 20px;background:#0078d4;color:#fff}nav{padding:8px 20px;border-bottom:1px solid #8884}nav span{margin-right:16px}nav .on{font-weight:600;border-bottom:2px solid #0078d4}
iframe{border:0;width:100%;display:block;min-height:120px}</style></head>
<body data-loaded="false"><header>Azure DevOps sandbox · ${escapeHtml(organization)} · ${escapeHtml(o.project.name)}</header>
<nav><span>${escapeHtml(page)}</span>${contribution === "pr-tab" ? '<span>Overview</span><span>Files</span><span class="on">Groundwork</span>' : ""}</nav>
<iframe id="extension" title="Groundwork" src="/_cdn/${contribution}/${contribution}.html"></iframe>
<script>
const handshake = ${JSON.stringify(handshake)};
const frame = document.getElementById("extension");
function send(message) { frame.contentWindow.postMessage(JSON.stringify(message), "*"); }
const pageRoute = ${JSON.stringify(pageRoute)};
// Services come back as objects whose functions the SDK calls through XDM proxies (__proxyFunctions).
const services = { "ms.vss-features.host-navigation-service": { getPageRoute: { __proxyFunctionId: 1, _channelId: 1 } } };
const proxies = { proxy1: () => pageRoute };
const serviceManager = {
  getService: (id) => {
    if (!services[id]) throw { message: "The sandbox host does not provide the service " + id };
    return services[id];
  },
};
const host = {
  initialHandshake: () => handshake,
  getAppToken: async () => (await (await fetch("/_harness/app-token?as=" + encodeURIComponent(${JSON.stringify(email)}))).json()),
  getAccessToken: () => { throw { message: "The sandbox host hands out no Azure DevOps access tokens" }; },
  resize: (width, height) => { frame.style.height = height + "px"; },
  notifyLoadSucceeded: () => { document.body.dataset.loaded = "true"; },
  notifyLoadFailed: (e) => { document.body.dataset.loaded = "failed"; console.error(e); },
};
window.addEventListener("message", async (event) => {
  if (event.source !== frame.contentWindow || typeof event.data !== "string") return;
  let message;
  try { message = JSON.parse(event.data); } catch { return; }
  if (!message.instanceId) return;
  const reply = { id: message.id, handshakeToken: message.handshakeToken };
  try {
    const target = { "DevOps.HostControl": host, "DevOps.ServiceManager": serviceManager, __proxyFunctions: proxies }[message.instanceId];
    if (!target || !target[message.methodName])
      throw { message: "The sandbox host does not provide " + message.instanceId + "." + message.methodName + "(" + JSON.stringify(message.params || []) + ")" };
    send({ ...reply, result: await target[message.methodName](...(message.params || [])) });
  } catch (error) {
    send({ ...reply, error: { message: error.message || String(error) } });
  }
});
</script></body></html>`,
      };
    },
  });
}
