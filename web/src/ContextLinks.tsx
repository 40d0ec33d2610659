import { useState } from "react";
import type { ContextLink, LinkTargetType } from "@groundwork/shared-types";
import { ContextCard, itemLabel } from "./ContextCard";
import { CONTEXT_URL_EXAMPLES, parseContextUrl } from "@groundwork/shared-types/contextUrl";
import { api } from "./api";
import { ErrorNote, useAction } from "./ui";

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
            const label = itemLabel(l.item);
            return (
              <li key={l.id}>
                <ContextCard
                  item={l.item}
                  actions={
                    <>
                      <button
                        type="button"
                        className="quiet"
                        aria-label={`Sync ${label}`}
                        onClick={() => void run(() => api.POST("/api/context-items/{id}/sync", { params: { path: { id: l.item.id } } }))}
                      >
                        Sync
                      </button>
                      <button
                        type="button"
                        className="quiet"
                        aria-label={`Unlink ${label}`}
                        onClick={() => void run(() => api.DELETE("/api/context-links/{id}", { params: { path: { id: l.id } } })).then((ok) => ok && onChange())}
                      >
                        Unlink
                      </button>
                    </>
                  }
                />
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
