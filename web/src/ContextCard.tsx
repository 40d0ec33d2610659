import type { ReactNode } from "react";
import type { ContextItem, HostPerson, Insight, InsightPoint, ItemDetails, ReviewVerdict } from "@groundwork/shared-types";
import { EVIDENCE_LABELS, HOST_LABELS, THEME_LABELS } from "@groundwork/shared-types/labels";
import { useSession } from "./session";

const VERDICTS: Record<ReviewVerdict, { label: string; tone: "ok" | "warn" | "pending" | "none" }> = {
  approved: { label: "approved", tone: "ok" },
  approved_with_suggestions: { label: "approved with suggestions", tone: "ok" },
  no_vote: { label: "no vote yet", tone: "none" },
  waiting_for_author: { label: "waiting for author", tone: "pending" },
  changes_requested: { label: "changes requested", tone: "pending" },
  rejected: { label: "rejected", tone: "warn" },
};

/** What to call an item when it has no title yet: "PR #42 in payments". */
export function itemLabel(item: ContextItem) {
  const kind = item.kind === "pull_request" ? "PR" : "Work item";
  const id = item.hostIds.pullRequestId ?? item.hostIds.workItemId;
  const where = item.hostIds.repository ?? item.hostIds.project ?? "";
  return item.title ?? `${kind} #${id}${where ? ` in ${where}` : ""}`;
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
/** "3 days ago", "yesterday"; the exact time is in the element's title. */
function Ago({ at }: { at: string }) {
  const seconds = (new Date(at).getTime() - Date.now()) / 1000;
  const [value, unit] = (
    [
      [seconds / 86400 / 365, "year"],
      [seconds / 86400 / 30, "month"],
      [seconds / 86400 / 7, "week"],
      [seconds / 86400, "day"],
      [seconds / 3600, "hour"],
      [seconds / 60, "minute"],
    ] as const
  ).find(([v]) => Math.abs(v) >= 1) ?? [0, "minute"];
  return (
    <time dateTime={at} title={new Date(at).toLocaleString()}>
      {relative.format(Math.round(value), unit)}
    </time>
  );
}

function Avatar({ name }: { name: string }) {
  const initials = name
    .split(/[\s._-]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join("");
  return (
    <span className="avatar" aria-hidden="true">
      {initials || "?"}
    </span>
  );
}

/** A host person, by their Groundwork name when their email is a member's. */
function usePersonName() {
  const { members } = useSession();
  return (p: HostPerson | null, email?: string | null) => {
    const address = (email ?? p?.email)?.toLowerCase();
    return (address && members.find((m) => m.email.toLowerCase() === address)?.name) || p?.name || null;
  };
}

/** Azure DevOps keeps work item descriptions as HTML: shown as text, never as markup. */
const asText = (description: string) =>
  /<[a-z][\s\S]*>/i.test(description) ? (new DOMParser().parseFromString(description, "text/html").body.textContent ?? "") : description;

function Description({ text }: { text: string | null }) {
  const shown = text && asText(text).trim();
  if (!shown) return null;
  return (
    <details className="description">
      <summary>Description</summary>
      <p>{shown}</p>
    </details>
  );
}

function PullRequestFacts({ item, details }: { item: ContextItem; details: Extract<ItemDetails, { kind: "pull_request" }> }) {
  const personName = usePersonName();
  const author = personName(details.author, item.authorEmail);
  return (
    <>
      <p className="facts">
        {author && (
          <span className="person">
            <Avatar name={author} /> {author}
          </span>
        )}
        {details.repository && <span>{details.repository}</span>}
        {details.sourceBranch && details.targetBranch && (
          <span className="branches" aria-label={`from ${details.sourceBranch} into ${details.targetBranch}`}>
            <code>{details.sourceBranch}</code> → <code>{details.targetBranch}</code>
          </span>
        )}
        {details.closedAt ? (
          <span>
            closed <Ago at={details.closedAt} />
          </span>
        ) : details.updatedAt ? (
          <span>
            updated <Ago at={details.updatedAt} />
          </span>
        ) : (
          details.createdAt && (
            <span>
              opened <Ago at={details.createdAt} />
            </span>
          )
        )}
      </p>
      {details.reviewers.length > 0 && (
        <ul className="reviewers" aria-label="Reviewers">
          {details.reviewers.map((r, i) => {
            const name = personName(r) ?? "A reviewer";
            const verdict = VERDICTS[r.verdict];
            return (
              <li key={`${name}-${i}`} className={`verdict ${verdict.tone}`}>
                <Avatar name={name} /> {name}: {verdict.label}
              </li>
            );
          })}
        </ul>
      )}
      <Description text={details.description} />
    </>
  );
}

function WorkItemFacts({ details }: { details: Extract<ItemDetails, { kind: "work_item" }> }) {
  const personName = usePersonName();
  const assignee = personName(details.assignee);
  return (
    <>
      <p className="facts">
        {details.type && <span className="type">{details.type}</span>}
        <span className="person">
          {assignee ? (
            <>
              <Avatar name={assignee} /> {assignee}
            </>
          ) : (
            "unassigned"
          )}
        </span>
        {details.area && <span>{details.area}</span>}
        {details.updatedAt && (
          <span>
            updated <Ago at={details.updatedAt} />
          </span>
        )}
      </p>
      <Description text={details.description} />
    </>
  );
}

function Points({ title, points }: { title: string; points: InsightPoint[] }) {
  if (!points.length) return null;
  return (
    <section aria-label={title}>
      <h4>{title}</h4>
      <ul>
        {points.map((p, i) => (
          <li key={i}>
            {p.text}
            {p.evidence.length > 0 && (
              <span className="evidence">
                {" "}
                — from {EVIDENCE_LABELS[p.evidence[0]!.source]}
                {p.evidence[0]!.text !== p.text && <>: “{p.evidence.map((e) => e.text).join("”, “")}”</>}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * What Groundwork drew from the item: its themes at a glance (each naming, on hover, what it
 * rests on), then what the author did and what it changes, each with its evidence, on demand.
 */
function InsightSummary({ insight }: { insight: Insight }) {
  return (
    <div className="insight">
      {insight.themes.length > 0 && (
        <ul className="themes" aria-label="Themes">
          {insight.themes.map((t) => (
            <li key={t.theme} title={`From ${t.evidence.map((e) => `${EVIDENCE_LABELS[e.source]}: ${e.text}`).join("; ")}`}>
              {THEME_LABELS[t.theme]}
            </li>
          ))}
        </ul>
      )}
      {(insight.contributions.length > 0 || insight.impact.length > 0) && (
        <details>
          <summary>Contributions and impact</summary>
          <Points title="Contributions" points={insight.contributions} />
          <Points title="Impact" points={insight.impact} />
          <p className="derived">
            {insight.derivedBy === "model" ? "Drawn by the language model your workspace uses." : "Drawn by Groundwork from the item itself."}
          </p>
        </details>
      )}
    </div>
  );
}

function StateBadge({ item }: { item: ContextItem }) {
  if (item.metadataStatus === "fetched") return <span className="badge ok state">{item.state ?? "up to date"}</span>;
  if (item.metadataStatus === "error") return <span className="badge warn">not found on {HOST_LABELS[item.host]}</span>;
  if (item.metadataStatus === "not_followed")
    return (
      <span className="badge warn" title="Groundwork reads only the repositories the connection follows; an owner can add this one under Integrations">
        repository not followed
      </span>
    );
  return (
    <span className="badge pending" title={`Connect ${HOST_LABELS[item.host]} under Integrations to fetch its details`}>
      metadata pending
    </span>
  );
}

/**
 * A linked PR or work item as its host last told us: state, people, branches, when, the
 * description on demand, and members' comments in a thread under it. `actions` are the
 * caller's (sync, unlink).
 */
export function ContextCard({ item, actions }: { item: ContextItem; actions?: ReactNode }) {
  const { members } = useSession();
  const label = itemLabel(item);
  const memberName = (id: string, fallback: string) => members.find((m) => m.id === id)?.name ?? fallback;
  return (
    <article className="context-card" aria-label={label}>
      <header>
        <span className={`host ${item.host}`}>{HOST_LABELS[item.host]}</span>
        <a href={item.url} target="_blank" rel="noreferrer" className="title">
          {label}
        </a>
        <StateBadge item={item} />
        {actions && <span className="actions">{actions}</span>}
      </header>
      {item.details?.kind === "pull_request" && <PullRequestFacts item={item} details={item.details} />}
      {item.details?.kind === "work_item" && <WorkItemFacts details={item.details} />}
      {item.insight && <InsightSummary insight={item.insight} />}
      {item.updates.length > 0 && (
        <ul className="updates" aria-label={`Comments on ${label}`}>
          {item.updates.map((u) => {
            const who = memberName(u.memberId, u.authorName);
            return (
              <li key={u.id}>
                <Avatar name={who} />
                <div>
                  <strong>{who}</strong> <Ago at={u.occurredAt} />
                  <p>
                    {u.url ? (
                      <a href={u.url} target="_blank" rel="noreferrer">
                        {u.body}
                      </a>
                    ) : (
                      u.body
                    )}
                  </p>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </article>
  );
}
