import { HOST_LABELS } from "@groundwork/shared-types/labels";
import { api } from "../../api";
import { ListBody, usePagedList } from "../../lists";
import { EmptyState, ErrorNote, useAction } from "../../ui";

const OUTCOME_TONES = { waiting: "pending", applying: "pending", applied: "ok", failed: "warn" } as const;

/** What a host delivered to the workspace lately and what became of each, with a way to apply one again. */
export function Deliveries({ host }: { host: keyof typeof HOST_LABELS }) {
  const hostName = HOST_LABELS[host];
  const list = usePagedList("/api/integrations/deliveries", { query: { host, limit: 10 } }, true, (shown) =>
    shown.some((d) => d.outcome === "waiting" || d.outcome === "applying"),
  );
  const { error, busy, run } = useAction();
  return (
    <details className="change">
      <summary>Recent deliveries</summary>
      <ErrorNote error={error} />
      <ListBody
        list={list}
        label={`${hostName} deliveries`}
        empty={<EmptyState title="No deliveries yet">Events {hostName} sends to Groundwork show here, with what became of each.</EmptyState>}
      >
        {(items) => (
          <table className="deliveries" aria-label={`${hostName} deliveries`}>
            <thead>
              <tr>
                <th>Received</th>
                <th>Event</th>
                <th>Outcome</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id}>
                  <td>
                    <time dateTime={d.receivedAt}>{new Date(d.receivedAt).toLocaleString()}</time>
                  </td>
                  <td>
                    <code>{d.event}</code>
                  </td>
                  <td>
                    <span className={`badge ${OUTCOME_TONES[d.outcome]}`}>{d.outcome}</span>
                    {d.error && <div className="error">{d.error}</div>}
                  </td>
                  <td>
                    {(d.outcome === "applied" || d.outcome === "failed") && (
                      <button
                        type="button"
                        className="quiet"
                        disabled={busy}
                        aria-label={`Apply ${d.event} again`}
                        onClick={() =>
                          void run(() => api.POST("/api/integrations/deliveries/{id}/redeliver", { params: { path: { id: String(d.id) } } })).then(
                            (ok) => void (ok && list.reload()),
                          )
                        }
                      >
                        Apply again
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListBody>
    </details>
  );
}
