import { useEffect, useState } from "react";
import { useSearchParams } from "react-router-dom";
import type { AdoAccountLinkPreview } from "@groundwork/shared-types";
import { api } from "../api";
import { ErrorNote, useAction } from "../ui";

/** Where the Groundwork tab in Azure DevOps sends someone whose ADO email is not their Groundwork one. */
export function LinkAdoAccountPage() {
  const [params] = useSearchParams();
  const code = params.get("code") ?? "";
  const [preview, setPreview] = useState<AdoAccountLinkPreview | null>(null);
  const [linked, setLinked] = useState(false);
  const { error, busy, run } = useAction();

  useEffect(() => {
    void run(async () => setPreview(await api<AdoAccountLinkPreview>("POST", "/api/integrations/ado/account-links/preview", { code })));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [code]);

  return (
    <section>
      <h1>Link your Azure DevOps account</h1>
      <ErrorNote error={error} />
      {preview && !linked && (
        <>
          <p>
            Link the Azure DevOps account {preview.email ? <strong>{preview.email}</strong> : "you are signed in with"} in the organisation{" "}
            <strong>{preview.organization}</strong> to you, <strong>{preview.member.name}</strong>? The Groundwork tab on pull requests
            will then act as you. Only confirm if you opened this link from that tab yourself.
          </p>
          <button disabled={busy} onClick={() => void run(async () => {
            await api("POST", "/api/integrations/ado/account-links", { code });
            setLinked(true);
          })}>
            Link account
          </button>
        </>
      )}
      {linked && (
        <p role="status">Linked. Go back to the pull request in Azure DevOps and reload the Groundwork tab.</p>
      )}
    </section>
  );
}
