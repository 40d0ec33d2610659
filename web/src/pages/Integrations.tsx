import { useEffect, useState } from "react";
import type { IntegrationsOverview } from "@groundwork/shared-types";
import { api } from "../api";
import { useSession } from "../session";
import { ErrorNote, useAction } from "../ui";

export function IntegrationsPage() {
  const { session } = useSession();
  const [overview, setOverview] = useState<IntegrationsOverview | null>(null);
  const { error, run } = useAction();
  useEffect(() => {
    if (session?.member.role === "owner") void run(async () => setOverview(await api<IntegrationsOverview>("GET", "/api/integrations")));
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
      <p className="hint">
        Connect your hosts so attached pull requests and work items show live titles, authors and states instead of
        "metadata pending".
      </p>
      <article className="card">
        <h2>Azure DevOps</h2>
        <p>Status: {overview?.ado.connected ? "connected" : "not connected"}</p>
        <p className="hint">Connecting with an organisation URL and a personal access token is coming next.</p>
      </article>
      <article className="card">
        <h2>Bitbucket Cloud</h2>
        <p>Status: {overview?.bitbucket.connected ? "connected" : "not connected"}</p>
        <p className="hint">Installing the Groundwork app, or connecting with an access token, is coming next.</p>
      </article>
    </section>
  );
}
