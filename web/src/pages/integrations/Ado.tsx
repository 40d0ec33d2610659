import { useState } from "react";
import { z } from "zod";
import {
  AdoTestConnectionRequest,
  type AdoConnection,
  type AdoConnectionTest,
  type AdoServiceHooksResult,
  type AdoWebhookSecret,
  type IntegrationsOverview,
} from "@groundwork/shared-types";
import { ADO_PAT_SCOPES, plural } from "@groundwork/shared-types/labels";
import { api, data } from "../../api";
import { CopyButton, ErrorNote, Field, FormField, useAction, useSchemaForm } from "../../ui";
import { Deliveries } from "./Deliveries";
import { ScopeList } from "./ScopeList";

/** The webhook URL and secret, shown once right after they are made. */
function WebhookSecret({ webhook }: { webhook: AdoWebhookSecret }) {
  return (
    <div className="notice" role="status" aria-label="Webhook secret">
      <p>
        <strong>Copy the secret now — it is shown only once.</strong> Use it as the password of each service hook.
      </p>
      <div className="copyable">
        <Field label="Webhook URL">
          <input readOnly value={webhook.webhookUrl} onFocus={(e) => e.target.select()} />
        </Field>
        <CopyButton text={webhook.webhookUrl} what="webhook URL" />
      </div>
      <div className="copyable">
        <Field label="Secret (Basic auth password; any user name)">
          <input readOnly value={webhook.webhookSecret} onFocus={(e) => e.target.select()} />
        </Field>
        <CopyButton text={webhook.webhookSecret} what="secret" />
      </div>
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
        Connected to <strong>{tested.organization}</strong> as {tested.user ?? "the token's owner"}. It can see {plural(tested.projects.length, "project")}.
        Choose what to link:
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

function SetupSteps({ connection, open }: { connection: AdoConnection; open?: boolean }) {
  return (
    <details open={open}>
      <summary>Set up the service hooks in Azure DevOps</summary>
      <ol>
        <li>In each project: Project settings → Service hooks → Create subscription → Web Hooks.</li>
        <li>Create one subscription for each event: {connection.neededServiceHooks.map((e) => e.label).join(", ")}.</li>
        <li>
          URL: <code className="url">{connection.webhookUrl}</code> <CopyButton text={connection.webhookUrl} what="webhook URL" />; Basic authentication: any
          user name, the secret as password.
        </li>
        <li>Resource details to send: All. Messages and detailed messages: None.</li>
      </ol>
    </details>
  );
}

/** What the connect form asks for, as the API takes it (the name may be left empty). */
const ConnectFields = AdoTestConnectionRequest.extend({ name: z.string().trim().max(120) });

export function AdoCard({ overview, reload }: { overview: IntegrationsOverview["ado"]; reload: () => void }) {
  // Changing the token keeps the organisation and the name unless they are changed too.
  const form = useSchemaForm(ConnectFields, { orgUrl: overview.connection?.url ?? "", pat: "", name: overview.connection?.name ?? "" });
  const { errors, isSubmitting } = form.formState;
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
      noValidate
      onSubmit={form.submitWith(async ({ name, ...body }) => {
        const all = tested?.projects.flatMap((p) => p.repositories.map((r) => r.id)) ?? [];
        const choices = tested ? { services, ...(repos.size < all.length ? { repositoryIds: [...repos] } : {}) } : {};
        const res = await data(api.POST("/api/integrations/ado", { body: { ...body, ...(name ? { name } : {}), ...choices } }));
        setWebhook(res.webhook);
        setNotice(res.webhook ? null : "Reconnected. The webhook secret is unchanged, so existing service hooks keep working.");
        form.setValue("pat", "");
        setTested(null);
        reload();
      })}
    >
      <FormField label="Organisation URL" error={errors.orgUrl?.message}>
        {(ids) => <input {...ids} {...form.register("orgUrl")} placeholder="https://dev.azure.com/contoso" />}
      </FormField>
      <FormField label="Personal access token" error={errors.pat?.message}>
        {(ids) => <input {...ids} {...form.register("pat")} type="password" autoComplete="off" />}
      </FormField>
      <ScopeList scopes={ADO_PAT_SCOPES} intro="Create it with these scopes; Test connection checks each one:" />
      <FormField label="Name (optional)" error={errors.name?.message}>
        {(ids) => <input {...ids} {...form.register("name")} />}
      </FormField>
      <div className="row">
        <button
          type="button"
          className="secondary"
          disabled={isSubmitting}
          onClick={() =>
            void form.submitWith(async ({ orgUrl, pat }) => {
              const found = await data(api.POST("/api/integrations/ado/test", { body: { orgUrl, pat } }));
              setRepos(new Set(found.projects.flatMap((p) => p.repositories.map((r) => r.id))));
              setServices(connection?.services ?? ALL_SERVICES);
              setTested(found);
            })()
          }
        >
          Test connection
        </button>
        <button disabled={isSubmitting}>{connection ? "Reconnect with this token" : "Connect"}</button>
      </div>
      <ErrorNote error={form.failure} />
      {tested && <ConnectionChoices tested={tested} repos={repos} setRepos={setRepos} services={services} setServices={setServices} />}
    </form>
  );

  return (
    <article className="card" aria-label="Azure DevOps">
      <h2>Azure DevOps</h2>
      {connection ? (
        <>
          <p>
            <strong>{connection.name}</strong> — connected to <a href={connection.url}>{connection.url}</a> ·{" "}
            {plural(connection.repositories.length, "repository", "repositories")} ·{" "}
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
          {/* The result of creating them says it already. */}
          {!hooks && (
            <p className="hint">
              {connection.serviceHooks.length
                ? `Groundwork created ${plural(connection.serviceHooks.length, "service hook")} in ${plural(new Set(connection.serviceHooks.map((h) => h.project)).size, "project")}.`
                : "Service hooks keep snapshots current the moment something changes; without them Groundwork polls open pull requests every few minutes."}
            </p>
          )}
          <SetupSteps connection={connection} open={Boolean(hooks?.failed.length)} />
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
                  setNotice(`Fetching ${plural(queued, "linked item")} again.`);
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
                  Also delete the {plural(connection.serviceHooks.length, "service hook")} Groundwork created
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
          <Deliveries host="ado" />
          <details className="change">
            <summary>Change the token, repositories or services</summary>
            {connectForm}
          </details>
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
