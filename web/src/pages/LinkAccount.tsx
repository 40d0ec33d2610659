import { useState } from "react";
import { useSearchParams } from "react-router-dom";

import { api, data } from "../api";
import { ErrorNote, failureMessage, useAction, useCodePreview } from "../ui";

/** Where a host panel (Azure DevOps, Bitbucket) sends someone Groundwork cannot match by email. */
export function LinkAccountPage() {
  const [params] = useSearchParams();
  const code = params.get("code") ?? "";
  const { data: preview, error: previewError } = useCodePreview("account-link", code, (c) =>
    data(api.POST("/api/account-links/preview", { body: { code: c } })),
  );
  const [linked, setLinked] = useState(false);
  const { error, busy, run } = useAction();

  return (
    <section>
      <h1>Link your {preview?.hostName ?? "host"} account</h1>
      <ErrorNote error={error ?? (previewError ? failureMessage(previewError) : null)} />
      {preview && !linked && (
        <>
          <p>
            Link the {preview.hostName} account {preview.account ? <strong>{preview.account}</strong> : "you are signed in with"} in{" "}
            <strong>{preview.scope}</strong> to you, <strong>{preview.member.name}</strong>? The Groundwork panel on pull requests will then act as you. Only
            confirm if you opened this link from that panel yourself.
          </p>
          <button
            disabled={busy}
            onClick={() =>
              void run(async () => {
                await api.POST("/api/account-links", { body: { code } });
                setLinked(true);
              })
            }
          >
            Link account
          </button>
        </>
      )}
      {linked && <p role="status">Linked. Go back to the pull request in {preview?.hostName} and reload the Groundwork panel.</p>}
    </section>
  );
}
