import { useQuery, useQueryClient } from "@tanstack/react-query";
import { JOB_LABELS, plural } from "@groundwork/shared-types/labels";
import { api, data } from "../api";
import { LoadMore, usePagedList } from "../lists";
import { useSession } from "../session";
import { ErrorNote, LoadFailed, Skeleton, useAction } from "../ui";
import { AdoCard } from "./integrations/Ado";
import { BitbucketCard } from "./integrations/Bitbucket";
import { InsightsCard } from "./integrations/Insights";
import { HistoryCard } from "./integrations/History";

export function IntegrationsPage() {
  const { session } = useSession();
  const {
    data: overview,
    error,
    isPending,
    refetch,
  } = useQuery({
    queryKey: ["/api/integrations"],
    queryFn: () => data(api.GET("/api/integrations")),
    enabled: session?.member.role === "owner",
  });
  const queries = useQueryClient();
  // Connecting queues the history import: the History card shows it from then on.
  const load = () => {
    void refetch();
    void queries.invalidateQueries({ queryKey: ["/api/history-imports"] });
  };
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
      {isPending && <Skeleton label="integrations" rows={2} />}
      {error && !overview && <LoadFailed what="integrations" error={error} retry={load} />}
      {overview && <AdoCard overview={overview.ado} reload={load} />}
      {overview && <BitbucketCard overview={overview.bitbucket} reload={load} />}
      <HistoryCard />
      <InsightsCard />
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
            <strong>{JOB_LABELS[j.kind] ?? j.kind}</strong> · failed {new Date(j.updatedAt).toLocaleString()} after {plural(j.attempts, "attempt")}
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
