import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import type {
  AdoConnection,
  AdoConnectionTest,
  AdoServiceHooksResult,
  AdoWebhookSecret,
  BitbucketTokenTestResult,
  IntegrationsOverview,
} from "@groundwork/shared-types";
import { ADO_PAT_SCOPES, BITBUCKET_TOKEN_SCOPES, JOB_LABELS } from "@groundwork/shared-types/labels";
import { api, data } from "../api";
import { LoadMore, usePagedList } from "../lists";
import { useSession } from "../session";
import { ErrorNote, failureMessage, Field, useAction } from "../ui";

const ADO_EVENTS = [
  "Pull request created",
  "Pull request updated",
  "Pull request merge attempted",
  "Pull request commented on",
  "Work item created",
  "Work item updated",
  "Work item commented on",
];

/** The webhook URL and secret, shown once right after they are made. */
function WebhookSecret({ webhook }: { webhook: AdoWebhookSecret }) {
  return (
    <div className="notice" role="status" aria-label="Webhook secret">
      <p>
        <strong>Copy the secret now — it is shown only once.</strong> Use it as the password of each service hook.
      </p>
      <Field label="Webhook URL">
        <input readOnly value={webhook.webhookUrl} onFocus={(e) => e.target.select()} />
      </Field>
      <Field label="Secret (Basic auth password; any user name)">
        <input readOnly value={webhook.webhookSecret} onFocus={(e) => e.target.select()} />
      </Field>
      <button type="button" onClick={() => void navigator.clipboard?.writeText(webhook.webhookSecret)}>
        Copy secret
      </button>
    </div>
  );
}

const SERVICES: { key: keyof AdoConnection["services"]; label: string }[] = [
  { key: "pullRequests", label: "Pull requests" },
  { key: "workItems", label: "Work items" },
  { key: "comments", label: "Comments by members" },
  { key: "statuses", label: "PR statuses" },
];
const ALL_SERVICES = { pullRequests: true, workItems: true, comments: true, statuses: true };

/** What the tested token can see, to choose the repositories to link (all by default) and the services. */
function ConnectionChoices({
  tested,
  repos,
  setRepos,
  services,
  setServices,
}: {
  tested: AdoConnectionTest;
  repos: Set<string>;
  setRepos: (r: Set<string>) => void;
  services: AdoConnection["services"];
  setServices: (s: AdoConnection["services"]) => void;
}) {
  const toggle = (id: string) => {
    const next = new Set(repos);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setRepos(next);
  };
  return (
    <div className="notice" role="status" aria-label="Connection test">
      <p>
        Connected to <strong>{tested.organization}</strong> as {tested.user ?? "the token's owner"}. It can see {tested.projects.length} project(s). Choose what
        to link:
      </p>
      {tested.projects.map((p) => (
        <fieldset key={p.id} className="checks">
          <legend>{p.name}</legend>
          {p.repositories.length === 0 && <span className="hint">no repositories</span>}
          {p.repositories.map((r) => (
            <label key={r.id}>
              <input type="checkbox" checked={repos.has(r.id)} onChange={() => toggle(r.id)} />
              {p.name}: {r.name}
            </label>
          ))}
        </fieldset>
      ))}
      <fieldset className="checks">
        <legend>Services</legend>
        {SERVICES.map((s) => (
          <label key={s.key}>
            <input type="checkbox" checked={services[s.key]} onChange={() => setServices({ ...services, [s.key]: !services[s.key] })} />
            {s.label}
          </label>
        ))}
      </fieldset>
    </div>
  );
}

function SetupSteps({ webhookUrl, open }: { webhookUrl: string; open?: boolean }) {
  return (
    <details open={open}>
      <summary>Set up the service hooks in Azure DevOps</summary>
      <ol>
        <li>In each project: Project settings → Service hooks → Create subscription → Web Hooks.</li>
        <li>Create one subscription for each event: {ADO_EVENTS.join(", ")}.</li>
        <li>
          URL: <code>{webhookUrl}</code>; Basic authentication: any user name, the secret as password.
        </li>
        <li>Resource details to send: All. Messages and detailed messages: None.</li>
      </ol>
    </details>
  );
}

function AdoCard({ overview, reload }: { overview: IntegrationsOverview["ado"]; reload: () => void }) {
  const [orgUrl, setOrgUrl] = useState("");
  const [pat, setPat] = useState("");
  const [name, setName] = useState("");
  const [tested, setTested] = useState<AdoConnectionTest | null>(null);
  const [repos, setRepos] = useState<Set<string>>(new Set());
  const [services, setServices] = useState<AdoConnection["services"]>(ALL_SERVICES);
  const [webhook, setWebhook] = useState<AdoWebhookSecret | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [hooks, setHooks] = useState<AdoServiceHooksResult | null>(null);
  const [confirmDisconnect, setConfirmDisconnect] = useState(false);
  const [deleteHooks, setDeleteHooks] = useState(true);
  const { error, busy, run } = useAction();
  const connection = overview.connection;

  const connectForm = (
    <form
      aria-label="Connect Azure DevOps"
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          const all = tested?.projects.flatMap((p) => p.repositories.map((r) => r.id)) ?? [];
          const choices = tested ? { services, ...(repos.size < all.length ? { repositoryIds: [...repos] } : {}) } : {};
          const res = await data(api.POST("/api/integrations/ado", { body: { orgUrl, pat, ...(name ? { name } : {}), ...choices } }));
          setWebhook(res.webhook);
          setNotice(res.webhook ? null : "Reconnected. The webhook secret is unchanged, so existing service hooks keep working.");
          setPat("");
          setTested(null);
          reload();
        });
      }}
    >
      <Field label="Organisation URL">
        <input value={orgUrl} onChange={(e) => setOrgUrl(e.target.value)} placeholder="https://dev.azure.com/contoso" required />
      </Field>
      <Field label="Personal access token">
        <input type="password" value={pat} onChange={(e) => setPat(e.target.value)} required autoComplete="off" />
      </Field>
      <ScopeList scopes={ADO_PAT_SCOPES} intro="Create it with these scopes; Test connection checks each one:" />
      <Field label="Name (optional)">
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <div className="row">
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              const found = await data(api.POST("/api/integrations/ado/test", { body: { orgUrl, pat } }));
              setRepos(new Set(found.projects.flatMap((p) => p.repositories.map((r) => r.id))));
              setServices(connection?.services ?? ALL_SERVICES);
              setTested(found);
            })
          }
        >
          Test connection
        </button>
        <button disabled={busy}>{connection ? "Reconnect with this token" : "Connect"}</button>
      </div>
      {tested && <ConnectionChoices tested={tested} repos={repos} setRepos={setRepos} services={services} setServices={setServices} />}
    </form>
  );

  return (
    <article className="card" aria-label="Azure DevOps">
      <h2>Azure DevOps</h2>
      {connection ? (
        <>
          <p>
            <strong>{connection.name}</strong> — connected to <a href={connection.url}>{connection.url}</a> · {connection.repositories.length} repositories ·{" "}
            {connection.lastDeliveryAt ? `last webhook ${new Date(connection.lastDeliveryAt).toLocaleString()}` : "no webhook received yet"}
          </p>
          {connection.status !== "active" && <p className="error">{connection.lastError ?? "The token stopped working; reconnect with a new one."}</p>}
          {webhook && <WebhookSecret webhook={webhook} />}
          {webhook?.warning && <p className="error">{webhook.warning}</p>}
          {notice && (
            <p className="hint" role="status">
              {notice}
            </p>
          )}
          {hooks && (
            <p className={hooks.failed.length ? "error" : "hint"} role="status" aria-label="Service hooks">
              {hooks.message}
            </p>
          )}
          <p className="hint">
            {connection.serviceHooks.length
              ? `Groundwork created ${connection.serviceHooks.length} service hook${connection.serviceHooks.length === 1 ? "" : "s"} in ${new Set(connection.serviceHooks.map((h) => h.project)).size} project(s).`
              : "Service hooks keep snapshots current the moment something changes; without them Groundwork polls open pull requests every few minutes."}
          </p>
          <SetupSteps webhookUrl={connection.webhookUrl} open={Boolean(hooks?.failed.length)} />
          <div className="row">
            <button
              type="button"
              disabled={busy}
              onClick={() => void run(async () => setHooks(await data(api.POST("/api/integrations/ado/service-hooks")))).then(reload)}
            >
              Create the service hooks for me
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() =>
                void run(async () => {
                  const queued = (await data(api.POST("/api/integrations/ado/sync"))).queued;
                  setNotice(`Fetching ${queued} linked item${queued === 1 ? "" : "s"} again.`);
                })
              }
            >
              Sync now
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => void run(async () => setWebhook(await data(api.POST("/api/integrations/ado/webhook-secret"))))}
            >
              Regenerate secret
            </button>
            <button type="button" className="danger" onClick={() => setConfirmDisconnect(true)}>
              Disconnect
            </button>
          </div>
          {confirmDisconnect && (
            <div className="notice" role="dialog" aria-label="Disconnect Azure DevOps">
              <p>Disconnect Azure DevOps? Groundwork deletes the token and stops calling the organisation; linked items keep their last snapshot.</p>
              {connection.serviceHooks.length > 0 && (
                <label className="checks">
                  <input type="checkbox" checked={deleteHooks} onChange={() => setDeleteHooks(!deleteHooks)} />
                  Also delete the {connection.serviceHooks.length} service hooks Groundwork created
                </label>
              )}
              <div className="row">
                <button
                  type="button"
                  className="danger"
                  onClick={() =>
                    void run(() =>
                      api.DELETE("/api/integrations/ado", {
                        params: { query: { deleteServiceHooks: connection.serviceHooks.length > 0 && deleteHooks ? "true" : "false" } },
                      }),
                    ).then((ok) => {
                      if (!ok) return;
                      setWebhook(null);
                      setHooks(null);
                      setConfirmDisconnect(false);
                      reload();
                    })
                  }
                >
                  Disconnect
                </button>
                <button type="button" className="quiet" onClick={() => setConfirmDisconnect(false)}>
                  Cancel
                </button>
              </div>
            </div>
          )}
          <h3>Change the token, repositories or services</h3>
          {connectForm}
        </>
      ) : (
        <>
          <p className="hint">Connect your organisation so attached pull requests and work items show live titles, authors and states.</p>
          {connectForm}
        </>
      )}
      <ErrorNote error={error} />
    </article>
  );
}

export function IntegrationsPage() {
  const { session } = useSession();
  const {
    data: overview,
    error,
    refetch,
  } = useQuery({
    queryKey: ["/api/integrations"],
    queryFn: () => data(api.GET("/api/integrations")),
    enabled: session?.member.role === "owner",
  });
  const load = () => void refetch();
  if (session?.member.role !== "owner")
    return (
      <section>
        <h1>Integrations</h1>
        <p>Only workspace owners manage integrations. Ask an owner to connect Azure DevOps or Bitbucket.</p>
      </section>
    );
  return (
    <section>
      <h1>Integrations</h1>
      <ErrorNote error={error ? failureMessage(error) : null} />
      {overview && <AdoCard overview={overview.ado} reload={load} />}
      {overview && <BitbucketCard overview={overview.bitbucket} reload={load} />}
      <FailedWork />
    </section>
  );
}

/** Background work that failed for good (a revoked token, a deleted PR): what went wrong, and a retry once it is fixed. */
function FailedWork() {
  const dead = usePagedList("/api/jobs/dead", { query: { limit: 20 } });
  const { error, busy, run } = useAction();
  if (dead.loading || dead.items.length === 0) return null;
  return (
    <article className="card" aria-label="Failed background work">
      <h2>Failed background work</h2>
      <p className="hint">Groundwork stopped retrying these. Fix the cause (often the connection's token above), then retry.</p>
      <ErrorNote error={error} />
      <ul>
        {dead.items.map((j) => (
          <li key={j.id}>
            <strong>{JOB_LABELS[j.kind] ?? j.kind}</strong> · failed {new Date(j.updatedAt).toLocaleString()} after {j.attempts} attempt
            {j.attempts === 1 ? "" : "s"}
            {j.lastError && <span className="error"> {j.lastError}</span>}{" "}
            <button
              className="quiet"
              disabled={busy}
              onClick={() => void run(() => api.POST("/api/jobs/dead/{id}/retry", { params: { path: { id: String(j.id) } } })).then(() => dead.reload())}
            >
              Retry
            </button>
          </li>
        ))}
      </ul>
      <LoadMore list={dead} />
    </article>
  );
}

function BitbucketCard({ overview, reload }: { overview: IntegrationsOverview["bitbucket"]; reload: () => void }) {
  const release = useAction();
  return (
    <article className="card" aria-label="Bitbucket Cloud">
      <h2>Bitbucket Cloud</h2>
      <ErrorNote error={release.error} />
      {overview.installations.length > 0 ? (
        <ul>
          {overview.installations.map((i) => (
            <li key={i.id}>
              <strong>{i.workspace}</strong> — {i.status === "active" ? "connected" : i.status === "uninstalled" ? "app uninstalled" : "needs attention"} ·{" "}
              {i.lastDeliveryAt ? `last webhook ${new Date(i.lastDeliveryAt).toLocaleString()}` : "no webhook received yet"}
              {i.lastError && <span className="error"> {i.lastError}</span>}{" "}
              <button
                className="secondary"
                disabled={release.busy}
                title="Its events stop counting here, and an administrator can connect it to another Groundwork workspace"
                onClick={() =>
                  void release.run(async () => {
                    await api.DELETE("/api/integrations/bitbucket/installations/{installationId}", { params: { path: { installationId: i.id } } });
                    reload();
                  })
                }
              >
                Release {i.workspace}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">No Bitbucket workspace is connected yet.</p>
      )}
      <details open={overview.installations.length === 0}>
        <summary>Install the Groundwork app in a Bitbucket workspace</summary>
        <ol>
          <li>
            In Bitbucket: Workspace settings → Installed apps → Install app from URL (development mode), with <code>{overview.descriptorUrl}</code>.
          </li>
          <li>Open the app's configure page (Workspace settings → Groundwork) and follow its link back here to connect the workspace.</li>
          <li>Each reviewer links their Bitbucket account once from the panel on a pull request.</li>
        </ol>
      </details>
      <BitbucketToken connection={overview.tokenConnection} reload={reload} />
    </article>
  );
}

/** The direct connection: an access token, for workspaces that cannot install the Connect app. */
function BitbucketToken({ connection, reload }: { connection: IntegrationsOverview["bitbucket"]["tokenConnection"]; reload: () => void }) {
  const [workspace, setWorkspace] = useState("");
  const [token, setToken] = useState("");
  const [tested, setTested] = useState<BitbucketTokenTestResult | null>(null);
  const { error, busy, run } = useAction();
  if (connection)
    return (
      <section aria-label="Bitbucket access token">
        <h3>Connected with an access token</h3>
        <p>
          <strong>{connection.workspace}</strong>:{" "}
          {connection.repositories.map((r) => `${r.slug}${r.webhook ? "" : " (no webhook)"}`).join(", ") || "no repositories"} ·{" "}
          {connection.lastDeliveryAt ? `last webhook ${new Date(connection.lastDeliveryAt).toLocaleString()}` : "no webhook received yet"}
        </p>
        {connection.lastError && <p className="error">{connection.lastError}</p>}
        <button
          type="button"
          className="danger"
          disabled={busy}
          onClick={() => void run(() => api.DELETE("/api/integrations/bitbucket/token")).then((ok) => ok && reload())}
        >
          Disconnect the token
        </button>
        <ErrorNote error={error} />
      </section>
    );
  return (
    <form
      aria-label="Connect Bitbucket with an access token"
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          await api.POST("/api/integrations/bitbucket/token", { body: { workspace, token } });
          setToken("");
          reload();
        });
      }}
    >
      <h3>Or connect with an access token</h3>
      <p className="hint">
        Without the app: a workspace or repository access token. Groundwork creates signed webhooks on the repositories and posts build statuses with it.
      </p>
      <ScopeList scopes={BITBUCKET_TOKEN_SCOPES} intro="Create it with these permissions; Test connection checks each one:" />
      <Field label="Bitbucket workspace">
        <input value={workspace} onChange={(e) => setWorkspace(e.target.value)} placeholder="acme" required />
      </Field>
      <Field label="Access token">
        <input type="password" value={token} onChange={(e) => setToken(e.target.value)} required autoComplete="off" />
      </Field>
      <div className="row">
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void run(async () => setTested(await data(api.POST("/api/integrations/bitbucket/token/test", { body: { workspace, token } }))))}
        >
          Test connection
        </button>
        <button disabled={busy}>Connect</button>
      </div>
      {tested && (
        <p className="notice" role="status">
          The token can see {tested.repositories.length} repositories in {tested.workspace}: {tested.repositories.map((r) => r.name).join(", ")}.
        </p>
      )}
      <ErrorNote error={error} />
    </form>
  );
}

/** The scopes a token needs, as the host's token page names them, and what each is for. */
function ScopeList({ scopes, intro }: { scopes: readonly { label: string; usedFor: string }[]; intro: string }) {
  return (
    <div className="hint">
      {intro}
      <ul aria-label="Token scopes">
        {scopes.map((s) => (
          <li key={s.label}>
            <strong>{s.label}</strong> — {s.usedFor}
          </li>
        ))}
      </ul>
    </div>
  );
}
