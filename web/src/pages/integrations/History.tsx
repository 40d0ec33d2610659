import { useState } from "react";
import { HISTORY_MONTHS, type HistoryImport } from "@groundwork/shared-types";
import { plural } from "@groundwork/shared-types/labels";
import { api, data } from "../../api";
import { LoadMore, usePagedList } from "../../lists";
import { ErrorNote, useAction } from "../../ui";

const HOST_NAMES: Record<string, string> = { ado: "Azure DevOps", bitbucket: "Bitbucket" };
const STATUS_LABEL: Record<HistoryImport["status"], string> = {
  queued: "Waiting",
  importing: "Importing",
  done: "Done",
  failed: "Failed",
  cancelled: "Cancelled",
};
const BADGE: Record<HistoryImport["status"], string> = { queued: "pending", importing: "pending", done: "ok", failed: "warn", cancelled: "pending" };
const active = (i: HistoryImport) => i.status === "queued" || i.status === "importing";

function duration(seconds: number) {
  if (seconds < 90) return plural(Math.max(1, Math.round(seconds)), "second");
  if (seconds < 90 * 60) return plural(Math.round(seconds / 60), "minute");
  return plural(Math.round(seconds / 3600), "hour");
}

/** Where one repository's import stands, in words. */
function progress(i: HistoryImport) {
  const count = i.total !== null ? `${i.imported} of ${plural(i.total, "pull request")}` : plural(i.imported, "pull request");
  switch (i.status) {
    case "queued":
      return "Waiting for the connection's other repositories";
    case "importing":
      return [
        ...(i.stage ? [`Pull requests in: ${i.imported}`, i.stage] : [`Importing: ${count}`]),
        !i.stage && i.perMinute !== null ? `${i.perMinute} a minute` : null,
        !i.stage && i.secondsLeft !== null ? `about ${duration(i.secondsLeft)} left` : null,
        i.waitingUntil ? `pausing for the host's rate limit until ${new Date(i.waitingUntil).toLocaleTimeString()}` : null,
      ]
        .filter(Boolean)
        .join(" · ");
    case "done":
      return `Imported ${count}${i.summary ? ` by ${plural(i.summary.authors, "author")}, ${i.summary.matchedAuthors} of them members` : ""}`;
    case "failed":
      return `Failed after ${count}: ${i.error ?? "unknown error"}`;
    case "cancelled":
      return `Cancelled after ${count}`;
  }
}

/**
 * Pull requests from before a connection was made: each followed repository's import, with its
 * progress while it runs (re-read every few seconds), a summary when done, the reason when it
 * failed, cancel, and a re-run reaching back as many months as the owner chooses.
 */
export function HistoryCard() {
  const imports = usePagedList("/api/history-imports", { query: { limit: 100 } }, true, (items) => items.some(active));
  const { error, busy, run } = useAction();
  const [months, setMonths] = useState<number>(HISTORY_MONTHS.default);
  if (imports.loading || imports.items.length === 0) return null;
  const connections = [...new Map(imports.items.map((i) => [`${i.host}:${i.connectionId}`, i])).values()];
  const start = (body: { host: string; connectionId: string; repository?: string }) =>
    void run(() => data(api.POST("/api/history-imports", { body: { ...body, months } }))).then(() => imports.reload());
  return (
    <article className="card" aria-label="History import">
      <h2>History</h2>
      <p className="hint">
        Pull requests from before each connection, so timelines and 1:1s start with the work already done. New work arrives by webhook as it happens.
      </p>
      <ErrorNote error={error} />
      {connections.map((c) => (
        <section key={`${c.host}:${c.connectionId}`} aria-label={`${HOST_NAMES[c.host] ?? c.host} history`}>
          <h3>{HOST_NAMES[c.host] ?? c.host}</h3>
          <ul className="history">
            {imports.items
              .filter((i) => i.host === c.host && i.connectionId === c.connectionId)
              .map((i) => (
                <li key={i.id} aria-label={`Import of ${i.repository}`}>
                  <strong>{i.repository}</strong> <span className={`badge ${BADGE[i.status]}`}>{STATUS_LABEL[i.status]}</span> <span>{progress(i)}</span>{" "}
                  {i.status === "importing" && i.total ? <progress max={i.total} value={i.imported} aria-label={`${i.repository} progress`} /> : null}
                  {active(i) ? (
                    <button
                      className="quiet"
                      disabled={busy}
                      onClick={() =>
                        void run(() => data(api.POST("/api/history-imports/{id}/cancel", { params: { path: { id: i.id } } }))).then(() => imports.reload())
                      }
                    >
                      Cancel
                    </button>
                  ) : (
                    <button className="quiet" disabled={busy} onClick={() => start({ host: i.host, connectionId: i.connectionId, repository: i.repository })}>
                      {i.status === "failed" ? "Retry" : "Import again"}
                    </button>
                  )}
                </li>
              ))}
          </ul>
          <div className="row">
            <label>
              Reach back{" "}
              <select value={months} onChange={(e) => setMonths(Number(e.target.value))} aria-label="Months to import">
                {[1, 3, 6, 12, HISTORY_MONTHS.max].map((m) => (
                  <option key={m} value={m}>
                    {plural(m, "month")}
                  </option>
                ))}
              </select>
            </label>{" "}
            <button disabled={busy} onClick={() => start({ host: c.host, connectionId: c.connectionId })}>
              Import all repositories again
            </button>
          </div>
        </section>
      ))}
      <LoadMore list={imports} />
    </article>
  );
}
