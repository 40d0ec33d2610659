import { useState } from "react";
import { Link, useSearchParams } from "react-router-dom";

import { api, data } from "../api";
import { ErrorNote, failureMessage, useAction, useCodePreview } from "../ui";

/** Where the Bitbucket app's configure page sends an owner to connect the Bitbucket workspace here. */
export function BindBitbucketPage() {
  const [params] = useSearchParams();
  const code = params.get("code") ?? "";
  const { data: preview, error: previewError } = useCodePreview("bitbucket-bind", code, (c) =>
    data(api.POST("/api/integrations/bitbucket/bind/preview", { body: { code: c } })),
  );
  const [bound, setBound] = useState(false);
  const { error, busy, run } = useAction();

  return (
    <section>
      <h1>Connect Bitbucket</h1>
      <ErrorNote error={error ?? (previewError ? failureMessage(previewError) : null)} />
      {preview && !bound && (
        <>
          <p>
            Connect the Bitbucket workspace <strong>{preview.workspace}</strong> to this Groundwork workspace? Its pull requests will show where they are
            attached and get a Groundwork build status.
            {preview.alreadyBoundHere && " It is already connected here."}
          </p>
          <button
            disabled={busy}
            onClick={() =>
              void run(async () => {
                await api.POST("/api/integrations/bitbucket/bind", { body: { code } });
                setBound(true);
              })
            }
          >
            Connect {preview.workspace}
          </button>
        </>
      )}
      {bound && (
        <p role="status">
          Connected. Open a pull request in Bitbucket to use the Groundwork panel, or see <Link to="/integrations">Integrations</Link>.
        </p>
      )}
    </section>
  );
}
