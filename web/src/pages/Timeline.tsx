import { useEffect, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import Papa from "papaparse";
import { Link, useParams } from "react-router-dom";
import type { Timeline, TimelineEntry, TimelinePeriod, TimelinePeriodKind } from "@groundwork/shared-types";
import { LINK_TARGET_LABELS, THEME_LABELS } from "@groundwork/shared-types/labels";
import { api, data } from "../api";
import { AssignmentMilestones, MILESTONE_LABELS } from "../AssignmentMilestones";
import { ContextCard } from "../ContextCard";
import { useSession } from "../session";
import { EmptyState, LoadFailed, Skeleton } from "../ui";

const PERIOD_NAMES: Record<TimelinePeriodKind, { label: string; plural: string; count: number }> = {
  week: { label: "Weeks", plural: "weeks", count: 8 },
  month: { label: "Months", plural: "months", count: 6 },
  quarter: { label: "Quarters", plural: "quarters", count: 4 },
};
export const KIND_LABELS: Record<TimelineEntry["kind"], string> = {
  authored: "Authored",
  reviewed: "Reviewed",
  commented: "Commented",
  attached: "Attached to their work",
};
const SERIES = [
  { key: "authored", label: "authored", className: "authored" },
  { key: "reviewed", label: "reviewed", className: "reviewed" },
  { key: "commented", label: "comments", className: "commented" },
  { key: "attached", label: "attached", className: "attached" },
] as const;

/** Bars per period for what they authored, reviewed and commented on; the numbers are in each period's heading too. */
function ActivityChart({ periods }: { periods: TimelinePeriod[] }) {
  const max = Math.max(1, ...periods.flatMap((p) => SERIES.map((s) => p.counts[s.key])));
  const summary = periods.map((p) => `${p.label}: ${SERIES.map((s) => `${p.counts[s.key]} ${s.label}`).join(", ")}`).join("; ");
  return (
    <figure className="activity-chart">
      <svg viewBox={`0 0 ${periods.length * 40} 64`} role="img" aria-label={`Activity by period — ${summary}`} preserveAspectRatio="none">
        {periods.map((p, i) =>
          SERIES.map((s, j) => {
            const h = Math.round((p.counts[s.key] / max) * 56);
            return <rect key={`${i}-${s.key}`} className={s.className} x={i * 40 + 4 + j * 8} y={60 - h} width={7} height={h} />;
          }),
        )}
      </svg>
      <figcaption>
        {periods.map((p) => (
          <span key={p.start}>{p.label}</span>
        ))}
      </figcaption>
      <p className="legend hint">
        {SERIES.map((s) => (
          <span key={s.key} className={`swatch ${s.className}`}>
            {s.label}
          </span>
        ))}
      </p>
    </figure>
  );
}

function Entry({ entry }: { entry: TimelineEntry }) {
  const verdict = entry.verdict ? ` — ${entry.verdict.replaceAll("_", " ")}` : "";
  return (
    <li>
      <p className="entry-kind">
        <strong>
          {KIND_LABELS[entry.kind]}
          {verdict}
        </strong>{" "}
        <time dateTime={entry.at}>{new Date(entry.at).toLocaleDateString()}</time>
        {entry.comment && <span className="quote"> “{entry.comment.body}”</span>}
      </p>
      <ContextCard item={entry.item} />
      {entry.attachedTo.length > 0 && (
        <p className="hint">Attached to {entry.attachedTo.map((l) => `${LINK_TARGET_LABELS[l.targetType]}: ${l.title}`).join(" · ")}</p>
      )}
    </li>
  );
}

/** One row per entry: what a performance discussion's spreadsheet wants, in the period's order. */
export function timelineCsv(t: Timeline) {
  const rows = t.periods.flatMap((p) =>
    [
      ...p.entries.map((e) => ({
        period: p.label,
        date: e.at.slice(0, 10),
        what: KIND_LABELS[e.kind],
        verdict: e.verdict?.replaceAll("_", " ") ?? "",
        host: e.item.host as string,
        title: e.item.title ?? "",
        url: e.item.url,
        state: e.item.state ?? "",
        themes: (e.item.insight?.themes ?? []).map((th) => THEME_LABELS[th.theme]).join("; "),
        attachedTo: e.attachedTo.map((l) => `${LINK_TARGET_LABELS[l.targetType]}: ${l.title}`).join("; "),
        comment: e.comment?.body ?? "",
      })),
      ...p.assignments.map((e) => ({
        period: p.label,
        date: e.at.slice(0, 10),
        what: `${MILESTONE_LABELS[e.event]} assignment`,
        verdict: "",
        host: "",
        title: `${e.assignment.key} · ${e.assignment.title}`,
        url: e.assignment.pullRequestUrl ?? "",
        state: e.assignment.status.replaceAll("_", " "),
        themes: "",
        attachedTo: "",
        comment: "",
      })),
    ].sort((a, b) => a.date.localeCompare(b.date)),
  );
  // Cells a spreadsheet would run as formulas (=, +, -, @) are escaped.
  return Papa.unparse(rows, { escapeFormulae: true });
}
function downloadCsv(t: Timeline, name: string) {
  const url = URL.createObjectURL(new Blob([timelineCsv(t)], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = `${name.replace(/[^\w.-]+/g, "-")}-work-by-${t.period}.csv`;
  a.click();
  URL.revokeObjectURL(url);
}

/** A member's work by week, month or quarter: what they authored, reviewed and commented on, the themes that recur, where it is attached. */
export function TimelinePage() {
  const { id = "" } = useParams();
  const { members } = useSession();
  const member = members.find((m) => m.id === id);
  const [period, setPeriod] = useState<TimelinePeriodKind>("month");
  // Printing shows every entry: the page is printed once React has rendered them all.
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    if (!printing) return;
    window.print();
    setPrinting(false);
  }, [printing]);
  const query = { period, periods: PERIOD_NAMES[period].count };
  const timeline = useQuery({
    queryKey: ["/api/members/{id}/timeline", id, query],
    queryFn: () => data(api.GET("/api/members/{id}/timeline", { params: { path: { id }, query } })),
  });
  const t: Timeline | undefined = timeline.data;
  const newestFirst = t ? [...t.periods].reverse() : [];
  return (
    <section className="timeline-page">
      <h1>{member ? `${member.name}'s work` : "Work over time"}</h1>
      <p className="hint">Pull requests and work items they wrote or reviewed, their comments, and what is attached to their feedback and OKRs.</p>
      <div className="timeline-tools">
        <label>
          Group by{" "}
          <select value={period} onChange={(e) => setPeriod(e.target.value as TimelinePeriodKind)}>
            {(Object.keys(PERIOD_NAMES) as TimelinePeriodKind[]).map((k) => (
              <option key={k} value={k}>
                {PERIOD_NAMES[k].label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="quiet" disabled={!t} onClick={() => t && downloadCsv(t, member?.name ?? "member")}>
          Export CSV
        </button>
        <button type="button" className="quiet" onClick={() => setPrinting(true)}>
          Print
        </button>
      </div>
      {timeline.isPending && <Skeleton label="their work" rows={3} />}
      {timeline.error && <LoadFailed what="their work" error={timeline.error} retry={() => void timeline.refetch()} />}
      {t && (
        <>
          <ActivityChart periods={t.periods} />
          {t.themes.length > 0 && (
            <ul className="themes recurring" aria-label="Recurring themes">
              {t.themes.map((th) => (
                <li key={th.theme}>
                  {THEME_LABELS[th.theme]} · {th.periods} of {t.periods.length} {PERIOD_NAMES[t.period].plural}
                </li>
              ))}
            </ul>
          )}
          {newestFirst.every((p) => p.entries.length === 0 && p.assignments.length === 0) ? (
            <EmptyState title={`Nothing in the last ${t.periods.length} ${PERIOD_NAMES[t.period].plural}`}>
              Pull requests they write or review on a connected host, and their comments there, show up here; so does what is attached to their{" "}
              <Link to="/feedback">feedback</Link> and <Link to="/okrs">OKRs</Link>.
            </EmptyState>
          ) : (
            newestFirst.map((p) => (
              <section key={p.start} className="period" aria-label={p.label}>
                <h2>
                  {p.label}{" "}
                  <span className="hint">
                    {p.counts.authored} authored · {p.counts.reviewed} reviewed · {p.counts.commented} comments
                    {p.counts.attached ? ` · ${p.counts.attached} attached` : ""}
                  </span>
                </h2>
                {p.themes.length > 0 && (
                  <ul className="themes" aria-label={`Themes in ${p.label}`}>
                    {p.themes.map((th) => (
                      <li key={th.theme}>
                        {THEME_LABELS[th.theme]} {th.count > 1 ? `×${th.count}` : ""}
                      </li>
                    ))}
                  </ul>
                )}
                <AssignmentMilestones events={p.assignments} label={`Growth assignments in ${p.label}`} />
                {p.entries.length === 0 ? (
                  p.assignments.length === 0 && <p className="hint">Nothing this {t.period}.</p>
                ) : (
                  <PeriodEntries label={p.label} entries={p.entries} all={printing} />
                )}
              </section>
            ))
          )}
        </>
      )}
    </section>
  );
}

/** A busy period (an imported history has dozens) shows its first few until one asks for the rest. */
const FIRST_SHOWN = 8;
function PeriodEntries({ label, entries, all: forced }: { label: string; entries: TimelineEntry[]; all: boolean }) {
  const [asked, setAll] = useState(false);
  const all = forced || asked;
  const shown = all ? entries : entries.slice(0, FIRST_SHOWN);
  return (
    <>
      <ul className="timeline links">
        {shown.map((e, i) => (
          <Entry key={`${e.kind}-${e.item.id}-${i}`} entry={e} />
        ))}
      </ul>
      {entries.length > shown.length && (
        <button className="quiet no-print" onClick={() => setAll(true)} aria-label={`Show all ${entries.length} in ${label}`}>
          Show all {entries.length}
        </button>
      )}
    </>
  );
}
