import { useEffect, useState } from "react";
import type { AdoConnected, AdoConnectionTest, AdoWebhookSecret, IntegrationsOverview } from "@groundwork/shared-types";
import { api } from "../api";
import { useSession } from "../session";
import { ErrorNote, Field, useAction } from "../ui";

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

function SetupSteps({ webhookUrl }: { webhookUrl: string }) {
  return (
    <details>
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
  const [webhook, setWebhook] = useState<AdoWebhookSecret | null>(null);
  const [synced, setSynced] = useState<number | null>(null);
  const { error, busy, run } = useAction();
  const connection = overview.connection;

  const connectForm = (
    <form
      aria-label="Connect Azure DevOps"
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          const res = await api<AdoConnected>("POST", "/api/integrations/ado", { orgUrl, pat, ...(name ? { name } : {}) });
          setWebhook(res.webhook);
          setPat("");
          setTested(null);
          reload();
        });
      }}
    >
      <Field label="Organisation URL">
        <input value={orgUrl} onChange={(e) => setOrgUrl(e.target.value)} placeholder="https://dev.azure.com/contoso" required />
      </Field>
      <Field label="Personal access token (scopes: Code Read & Write, Work Items Read, Project and Team Read)">
        <input type="password" value={pat} onChange={(e) => setPat(e.target.value)} required autoComplete="off" />
      </Field>
      <Field label="Name (optional)">
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <div className="row">
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void run(async () => setTested(await api<AdoConnectionTest>("POST", "/api/integrations/ado/test", { orgUrl, pat })))}
        >
          Test connection
        </button>
        <button disabled={busy}>{connection ? "Reconnect with this token" : "Connect"}</button>
      </div>
      {tested && (
        <div className="notice" role="status" aria-label="Connection test">
          <p>
            Connected to <strong>{tested.organization}</strong> as {tested.user ?? "the token's owner"}. It can see{" "}
            {tested.projects.length} project(s):
          </p>
          <ul>
            {tested.projects.map((p) => (
              <li key={p.id}>
                {p.name}: {p.repositories.map((r) => r.name).join(", ") || "no repositories"}
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );

  return (
    <article className="card" aria-label="Azure DevOps">
      <h2>Azure DevOps</h2>
      {connection ? (
        <>
          <p>
            <strong>{connection.name}</strong> — connected to <a href={connection.url}>{connection.url}</a> ·{" "}
            {connection.repositories.length} repositories ·{" "}
            {connection.lastDeliveryAt ? `last webhook ${new Date(connection.lastDeliveryAt).toLocaleString()}` : "no webhook received yet"}
          </p>
          {connection.status !== "active" && <p className="error">{connection.lastError ?? "The token stopped working; reconnect with a new one."}</p>}
          {webhook && <WebhookSecret webhook={webhook} />}
          <SetupSteps webhookUrl={connection.webhookUrl} />
          {synced !== null && (
            <p className="hint" role="status">
              Fetching {synced} linked item{synced === 1 ? "" : "s"} again.
            </p>
          )}
          <div className="row">
            <button
              type="button"
              className="secondary"
              onClick={() => void run(async () => setSynced((await api<{ queued: number }>("POST", "/api/integrations/ado/sync")).queued))}
            >
              Sync now
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => void run(async () => setWebhook(await api<AdoWebhookSecret>("POST", "/api/integrations/ado/webhook-secret")))}
            >
              Regenerate secret
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => {
                if (window.confirm("Disconnect Azure DevOps? Linked items keep their last snapshot."))
                  void run(() => api("DELETE", "/api/integrations/ado")).then(() => {
                    setWebhook(null);
                    reload();
                  });
              }}
            >
              Disconnect
            </button>
          </div>
          <h3>Rotate the token</h3>
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
  const [overview, setOverview] = useState<IntegrationsOverview | null>(null);
  const { error, run } = useAction();
  const load = () => void run(async () => setOverview(await api<IntegrationsOverview>("GET", "/api/integrations")));
  useEffect(() => {
    if (session?.member.role === "owner") load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session]);
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
      <ErrorNote error={error} />
      {overview && <AdoCard overview={overview.ado} reload={load} />}
      <article className="card" aria-label="Bitbucket Cloud">
        <h2>Bitbucket Cloud</h2>
        <p>Status: {overview?.bitbucket.connected ? "connected" : "not connected"}</p>
        <p className="hint">Installing the Groundwork app, or connecting with an access token, is coming next.</p>
      </article>
    </section>
  );
}
