import { useState } from "react";
import type { ContextLink, LinkTargetType } from "@groundwork/shared-types";
import { CONTEXT_URL_EXAMPLES, parseContextUrl } from "@groundwork/shared-types/contextUrl";
import { api } from "./api";
import { ErrorNote, useAction } from "./ui";

const HOST_NAMES = { ado: "Azure DevOps", bitbucket: "Bitbucket" } as const;

function describeItem(link: ContextLink) {
  const { item } = link;
  const kind = item.kind === "pull_request" ? "PR" : "Work item";
  const id = item.hostIds.pullRequestId ?? item.hostIds.workItemId;
  const where = item.hostIds.repository ?? item.hostIds.project ?? "";
  return { kind, label: item.title ?? `${kind} #${id}${where ? ` in ${where}` : ""}` };
}

function StatusBadge({ link }: { link: ContextLink }) {
  const { item } = link;
  if (item.metadataStatus === "fetched") return <span className="badge ok">{item.state ?? "up to date"}</span>;
  if (item.metadataStatus === "error") return <span className="badge warn">not found on {HOST_NAMES[item.host]}</span>;
  if (item.metadataStatus === "not_followed")
    return (
      <span className="badge warn" title="Groundwork reads only the repositories the connection follows; an owner can add this one under Integrations">
        repository not followed
      </span>
    );
  return (
    <span className="badge pending" title={`Connect ${HOST_NAMES[item.host]} under Integrations to fetch its details`}>
      metadata pending
    </span>
  );
}

/** The PRs and work items attached to one thing, with attach and unlink. */
export function ContextLinks({
  targetType,
  targetId,
  links,
  onChange,
}: {
  targetType: LinkTargetType;
  targetId: string;
  links: ContextLink[];
  onChange: () => void;
}) {
  const [url, setUrl] = useState("");
  const [open, setOpen] = useState(false);
  const { error, busy, run, setError } = useAction();

  async function attach() {
    if (!parseContextUrl(url)) {
      setError(`Paste a pull request or work item link, for example ${CONTEXT_URL_EXAMPLES[0]}`);
      return;
    }
    if (await run(() => api.POST("/api/context-links", { body: { targetType, targetId, url } }))) {
      setUrl("");
      setOpen(false);
      onChange();
    }
  }

  return (
    <div className="links">
      {links.length > 0 && (
        <ul aria-label="Attached pull requests and work items">
          {links.map((l) => {
            const d = describeItem(l);
            return (
              <li key={l.id} className="link">
                <span className={`host ${l.item.host}`}>{HOST_NAMES[l.item.host]}</span>
                <a href={l.item.url} target="_blank" rel="noreferrer">
                  {d.label}
                </a>
                <StatusBadge link={l} />
                <button
                  type="button"
                  className="quiet"
                  aria-label={`Sync ${d.label}`}
                  onClick={() => void run(() => api.POST("/api/context-items/{id}/sync", { params: { path: { id: l.item.id } } }))}
                >
                  Sync
                </button>
                <button
                  type="button"
                  className="quiet"
                  aria-label={`Unlink ${d.label}`}
                  onClick={() => void run(() => api.DELETE("/api/context-links/{id}", { params: { path: { id: l.id } } })).then((ok) => ok && onChange())}
                >
                  Unlink
                </button>
                {l.item.updates.length > 0 && (
                  <ul className="updates" aria-label={`Comments on ${d.label}`}>
                    {l.item.updates.map((u) => (
                      <li key={u.id}>
                        <strong>{u.authorName}</strong> <time dateTime={u.occurredAt}>{new Date(u.occurredAt).toLocaleDateString()}</time>:{" "}
                        {u.url ? (
                          <a href={u.url} target="_blank" rel="noreferrer">
                            {u.body}
                          </a>
                        ) : (
                          u.body
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {open ? (
        <form
          className="attach"
          onSubmit={(e) => {
            e.preventDefault();
            void attach();
          }}
        >
          <input
            aria-label="Pull request or work item URL"
            placeholder="https://dev.azure.com/org/project/_git/repo/pullrequest/42"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            autoFocus
          />
          <button disabled={busy}>Attach</button>
          <button type="button" className="quiet" onClick={() => setOpen(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <button type="button" className="quiet" onClick={() => setOpen(true)}>
          + Attach PR or work item
        </button>
      )}
      <ErrorNote error={error} />
    </div>
  );
}
