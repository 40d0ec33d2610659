import { useState } from "react";
import type { ContextLink, LinkTargetType } from "@groundwork/shared-types";
import { AttachBox } from "./AttachBox";
import { ContextCard, itemLabel } from "./ContextCard";
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
  const [open, setOpen] = useState(false);
  const { error, run } = useAction();

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
        <AttachBox
          targetType={targetType}
          targetId={targetId}
          onAttached={() => {
            setOpen(false);
            onChange();
          }}
          onCancel={() => setOpen(false)}
        />
      ) : (
        <button type="button" className="quiet" onClick={() => setOpen(true)}>
          + Attach PR or work item
        </button>
      )}
      <ErrorNote error={error} />
    </div>
  );
}
