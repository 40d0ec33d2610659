import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import {
  AdoPatFields,
  type AdoConnected,
  type AdoConnection,
  type AdoEntraSignIn,
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
const ConnectFields = AdoPatFields.extend({ name: z.string().trim().max(120) });
const SignInFields = z.object({ orgUrl: z.string().min(1, { message: "choose an organisation" }), name: z.string().trim().max(120) });

/** What Test connection found and the owner chose from it (every repository at first), for either connect form. */
function useChoices(connection: AdoConnection | null) {
  const [tested, setTested] = useState<AdoConnectionTest | null>(null);
  const [repos, setRepos] = useState<Set<string>>(new Set());
  const [services, setServices] = useState<AdoConnection["services"]>(connection?.services ?? ALL_SERVICES);
  const all = tested?.projects.flatMap((p) => p.repositories.map((r) => r.id)) ?? [];
  return {
    found(t: AdoConnectionTest) {
      setRepos(new Set(t.projects.flatMap((p) => p.repositories.map((r) => r.id))));
      setServices(connection?.services ?? ALL_SERVICES);
      setTested(t);
    },
    reset: () => setTested(null),
    /** As the connect request takes them: no repositories named means all. */
    body: () => (tested ? { services, ...(repos.size < all.length ? { repositoryIds: [...repos] } : {}) } : {}),
    view: tested && <ConnectionChoices tested={tested} repos={repos} setRepos={setRepos} services={services} setServices={setServices} />,
  };
}

/** Back from Microsoft: the organisations the account belongs to, one to test and connect with that sign-in. */
function SignInConnectForm({
  signIn,
  connection,
  onConnected,
}: {
  signIn: AdoEntraSignIn;
  connection: AdoConnection | null;
  onConnected: (res: AdoConnected) => void;
}) {
  const first = signIn.organizations.find((o) => o.name === connection?.organization) ?? signIn.organizations[0];
  const form = useSchemaForm(SignInFields, { orgUrl: first?.url ?? "", name: connection?.name ?? "" });
  const { errors, isSubmitting } = form.formState;
  const choices = useChoices(connection);
  if (signIn.organizations.length === 0)
    return (
      <p className="error" role="status">
        {signIn.account} belongs to no Azure DevOps organisation. Sign in as someone who does, or use a personal access token.
      </p>
    );
  return (
    <form
      aria-label="Connect with your Microsoft sign-in"
      noValidate
      onSubmit={form.submitWith(async ({ orgUrl, name }) => {
        const body = { orgUrl, signInId: signIn.id, ...(name ? { name } : {}), ...choices.body() };
        onConnected(await data(api.POST("/api/integrations/ado", { body })));
      })}
    >
      <p role="status">
        Signed in with Microsoft as <strong>{signIn.account}</strong>. Choose the organisation to connect:
      </p>
      <FormField label="Organisation" error={errors.orgUrl?.message}>
        {(ids) => (
          <select {...ids} {...form.register("orgUrl")}>
            {signIn.organizations.map((o) => (
              <option key={o.url} value={o.url}>
                {o.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label="Name (optional)" error={errors.name?.message}>
        {(ids) => <input {...ids} {...form.register("name")} />}
      </FormField>
      <div className="row">
        <button
          type="button"
          className="secondary"
          disabled={isSubmitting}
          onClick={() =>
            void form.submitWith(async ({ orgUrl }) => {
              choices.found(await data(api.POST("/api/integrations/ado/test", { body: { orgUrl, signInId: signIn.id } })));
            })()
          }
        >
          Test connection
        </button>
        <button disabled={isSubmitting}>{connection ? "Reconnect with this sign-in" : "Connect"}</button>
      </div>
      <ErrorNote error={form.failure} />
      {choices.view}
    </form>
  );
}

/** "Sign in with Microsoft" (Entra ID) instead of a PAT: the button, and what Microsoft's redirect back brings. */
function MicrosoftSignIn({ connection, onConnected }: { connection: AdoConnection | null; onConnected: (res: AdoConnected) => void }) {
  const [params, setParams] = useSearchParams();
  const signInId = params.get("adoSignIn");
  const failed = params.get("ado_error");
  const { error, busy, run } = useAction();
  const signIn = useQuery({
    queryKey: ["/api/integrations/ado/entra/sign-ins", signInId],
    queryFn: () => data(api.GET("/api/integrations/ado/entra/sign-ins/{signInId}", { params: { path: { signInId: signInId! } } })),
    enabled: Boolean(signInId),
    retry: false,
  });
  const start = () =>
    void run(async () => {
      window.location.assign((await data(api.POST("/api/integrations/ado/entra/start"))).authorizeUrl);
    });
  return (
    <div className="sign-in">
      {failed && (
        <p className="error" role="alert">
          {failed}
        </p>
      )}
      {signIn.error && <ErrorNote error={signIn.error instanceof Error ? signIn.error.message : String(signIn.error)} />}
      {signIn.data ? (
        <SignInConnectForm
          signIn={signIn.data}
          connection={connection}
          onConnected={(res) => {
            setParams({}, { replace: true });
            onConnected(res);
          }}
        />
      ) : null}
      <div className="row">
        <button type="button" className={signIn.data ? "secondary" : undefined} disabled={busy} onClick={start}>
          {signIn.data ? "Sign in as someone else" : "Sign in with Microsoft"}
        </button>
      </div>
      <ErrorNote error={error} />
    </div>
  );
}

export function AdoCard({ overview, reload }: { overview: IntegrationsOverview["ado"]; reload: () => void }) {
  // Changing the token keeps the organisation and the name unless they are changed too.
  const form = useSchemaForm(ConnectFields, { orgUrl: overview.connection?.url ?? "", pat: "", name: overview.connection?.name ?? "" });
  const { errors, isSubmitting } = form.formState;
  const choices = useChoices(overview.connection);
  const [webhook, setWebhook] = useState<AdoWebhookSecret | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [hooks, setHooks] = useState<AdoServiceHooksResult | null>(null);
  const [confirmDisconnect, setConfirmDisconnect] = useState(false);
  const [deleteHooks, setDeleteHooks] = useState(true);
  const { error, busy, run } = useAction();
  const connection = overview.connection;
  const connected = (res: AdoConnected) => {
    setWebhook(res.webhook);
    setNotice(res.webhook ? null : "Reconnected. The webhook secret is unchanged, so existing service hooks keep working.");
    reload();
  };
  const signInWithMicrosoft = overview.signInWithMicrosoft && <MicrosoftSignIn connection={connection} onConnected={connected} />;
  // Back from Microsoft: the sign-in's form comes first, the PAT form folds away.
  const [params] = useSearchParams();
  const signingIn = Boolean(signInWithMicrosoft) && (params.has("adoSignIn") || params.has("ado_error"));

  const connectForm = (
    <form
      aria-label="Connect Azure DevOps"
      noValidate
      onSubmit={form.submitWith(async ({ name, ...body }) => {
        connected(await data(api.POST("/api/integrations/ado", { body: { ...body, ...(name ? { name } : {}), ...choices.body() } })));
        form.setValue("pat", "");
        choices.reset();
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
              choices.found(await data(api.POST("/api/integrations/ado/test", { body: { orgUrl, pat } })));
            })()
          }
        >
          Test connection
        </button>
        <button disabled={isSubmitting}>{connection ? "Reconnect with this token" : "Connect"}</button>
      </div>
      <ErrorNote error={form.failure} />
      {choices.view}
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
            {connection.credential === "entra" && ` · signed in with Microsoft as ${connection.signedInAs ?? "an owner"}`}
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
              <p>
                Disconnect Azure DevOps? Groundwork deletes the {connection.credential === "entra" ? "Microsoft sign-in's tokens" : "token"} and stops calling
                the organisation; linked items keep their last snapshot.
                {connection.credential === "entra" &&
                  " Microsoft offers no way for an app to revoke them itself: to withdraw the consent too, remove Groundwork at myapps.microsoft.com."}
              </p>
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
          <details className="change" open={signingIn || (connection.credential === "entra" && connection.status !== "active")}>
            <summary>Change the credential, repositories or services</summary>
            {signInWithMicrosoft}
            {connectForm}
          </details>
        </>
      ) : (
        <>
          <p className="hint">Connect your organisation so attached pull requests and work items show live titles, authors and states.</p>
          {signInWithMicrosoft}
          {signingIn ? (
            <details className="change">
              <summary>Or connect with a personal access token</summary>
              {connectForm}
            </details>
          ) : (
            <>
              {signInWithMicrosoft && <p className="hint">Or connect with a personal access token:</p>}
              {connectForm}
            </>
          )}
        </>
      )}
      <ErrorNote error={error} />
    </article>
  );
}
