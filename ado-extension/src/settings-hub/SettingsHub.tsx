import { useEffect, useState } from "react";
import type { AdoOrganizationStatus } from "@groundwork/shared-types";
import { MessageCard, MessageCardSeverity } from "azure-devops-ui/MessageCard";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import { ApiFailure } from "@groundwork/shared-types/client";
import { callGroundwork, groundworkUrl } from "../common/backend";
import { loaded, resize } from "../common/host";

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "never");

/** Organisation / project settings: is this organisation connected to Groundwork, and are its service hooks healthy? */
export function SettingsHub() {
  const [status, setStatus] = useState<AdoOrganizationStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    callGroundwork((api) => api.GET("/api/ext/ado/organization"))
      .then(setStatus, (err: unknown) => setError(err instanceof ApiFailure ? err.message : "Groundwork could not be reached."))
      .finally(loaded);
  }, []);
  useEffect(() => resize());

  if (error)
    return (
      <div className="gw">
        <MessageCard severity={MessageCardSeverity.Error}>{error}</MessageCard>
      </div>
    );
  if (!status) return <Spinner size={SpinnerSize.large} label="Loading Groundwork…" className="gw" />;
  if (!status.connected || !status.workspace)
    return (
      <div className="gw">
        <h2>Groundwork</h2>
        <p role="status">
          The organisation <strong>{status.organization}</strong> is not connected to a Groundwork workspace.
        </p>
        <p className="hint">
          A workspace owner connects it in Groundwork under{" "}
          <a href={`${groundworkUrl()}/integrations`} target="_blank" rel="noreferrer">
            Integrations
          </a>{" "}
          with the organisation URL and a personal access token; the PR tab then shows where pull requests are attached.
        </p>
      </div>
    );
  const healthy = status.status === "active" && status.failedJobs === 0;
  return (
    <div className="gw">
      <h2>Groundwork</h2>
      <p role="status">
        <strong>{status.organization}</strong> is connected to the Groundwork workspace <strong>{status.workspace.name}</strong>.
      </p>
      {!healthy && (
        <MessageCard severity={MessageCardSeverity.Warning}>
          {status.lastError ?? `${status.failedJobs} Azure DevOps update(s) failed for good; see Integrations in Groundwork.`}
        </MessageCard>
      )}
      <dl aria-label="Service hook health">
        <dt>Last service hook delivery</dt>
        <dd>{when(status.lastDeliveryAt)}</dd>
        <dt>Failed updates</dt>
        <dd>{status.failedJobs}</dd>
        <dt>Service hooks created by Groundwork</dt>
        <dd>{status.serviceHooks}</dd>
        <dt>Connection</dt>
        <dd>{status.status === "active" ? "working" : "the token stopped working — reconnect in Groundwork"}</dd>
      </dl>
      <p>
        <a href={status.workspace.integrationsUrl} target="_blank" rel="noreferrer">
          Open Integrations in Groundwork
        </a>
      </p>
    </div>
  );
}
