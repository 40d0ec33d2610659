import { Link } from "react-router-dom";
import { useState } from "react";
import { BitbucketTokenTest, type BitbucketTokenTestResult, type IntegrationsOverview } from "@groundwork/shared-types";
import { BITBUCKET_START_WORK_SCOPES, BITBUCKET_TOKEN_SCOPES, plural } from "@groundwork/shared-types/labels";
import { api, data } from "../../api";
import { CopyButton, ErrorNote, FormField, useAction, useSchemaForm } from "../../ui";
import { Deliveries } from "./Deliveries";
import { ScopeList } from "./ScopeList";

export function BitbucketCard({ overview, reload }: { overview: IntegrationsOverview["bitbucket"]; reload: () => void }) {
  const release = useAction();
  return (
    <article className="card" aria-label="Bitbucket Cloud">
      <h2>Bitbucket Cloud</h2>
      <ErrorNote error={release.error} />
      {overview.installations.length > 0 ? (
        <ul>
          {overview.installations.map((i) => (
            <li key={i.id}>
              <strong>{i.workspace}</strong> ({i.app === "forge" ? "Forge app" : "Connect app"}) —{" "}
              {i.status === "active" ? "connected" : i.status === "uninstalled" ? "app uninstalled" : "needs attention"} ·{" "}
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
        {overview.forgeApp ? (
          <ol>
            <li>
              Install Groundwork's Forge app in the workspace with the installation link your Groundwork administrator shares (Bitbucket asks a workspace admin
              to approve it).
            </li>
            <li>In Bitbucket: Workspace settings → Groundwork, and follow its link back here to connect the workspace.</li>
            <li>Each reviewer links their Bitbucket account once from the Groundwork card on a pull request.</li>
          </ol>
        ) : (
          <p className="hint">This Groundwork server has no Forge app set up (FORGE_APP_ID): connect with an access token below, or ask its administrator.</p>
        )}
        <p className="hint">
          Workspaces that installed the older Connect app keep it (Bitbucket takes no new Connect installs since 2 February 2026); its descriptor is{" "}
          <code className="url">{overview.descriptorUrl}</code> <CopyButton text={overview.descriptorUrl} what="app descriptor URL" />.
        </p>
      </details>
      <BitbucketToken connection={overview.tokenConnection} reload={reload} />
      {overview.connected && <Deliveries host="bitbucket" />}
    </article>
  );
}

/** The direct connection: an access token, for workspaces that cannot install the Connect app. */
function BitbucketToken({ connection, reload }: { connection: IntegrationsOverview["bitbucket"]["tokenConnection"]; reload: () => void }) {
  const form = useSchemaForm(BitbucketTokenTest, { workspace: "", token: "" });
  const { errors, isSubmitting } = form.formState;
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
        <p className="hint">
          Bitbucket shares no emails: each member links their Bitbucket account once under <Link to="/profile">Profile</Link>, by signing in to Bitbucket, so
          their comments count as theirs.
        </p>
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
      noValidate
      onSubmit={form.submitWith(async (body) => {
        await data(api.POST("/api/integrations/bitbucket/token", { body }));
        form.reset();
        reload();
      })}
    >
      <h3>Or connect with an access token</h3>
      <p className="hint">
        Without the app: a workspace or repository access token. Groundwork creates signed webhooks on the repositories and posts build statuses with it.
      </p>
      <ScopeList scopes={BITBUCKET_TOKEN_SCOPES} intro="Create it with these permissions; Test connection checks each one:" />
      <ScopeList scopes={BITBUCKET_START_WORK_SCOPES} intro="And, for Start work on assignments:" label="Token scopes for Start work" />
      <FormField label="Bitbucket workspace" error={errors.workspace?.message}>
        {(ids) => <input {...ids} {...form.register("workspace")} placeholder="acme" />}
      </FormField>
      <FormField label="Access token" error={errors.token?.message}>
        {(ids) => <input {...ids} {...form.register("token")} type="password" autoComplete="off" />}
      </FormField>
      <div className="row">
        <button
          type="button"
          className="secondary"
          disabled={isSubmitting}
          onClick={() => void form.submitWith(async (body) => setTested(await data(api.POST("/api/integrations/bitbucket/token/test", { body }))))()}
        >
          Test connection
        </button>
        <button disabled={isSubmitting}>Connect</button>
      </div>
      {tested && (
        <p className="notice" role="status">
          The token can see {plural(tested.repositories.length, "repository", "repositories")} in {tested.workspace}:{" "}
          {tested.repositories.map((r) => r.name).join(", ")}.
        </p>
      )}
      <ErrorNote error={form.failure} />
    </form>
  );
}

/** The scopes a token needs, as the host's token page names them, and what each is for. */
