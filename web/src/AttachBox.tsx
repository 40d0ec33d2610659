import { useEffect, useRef, useState } from "react";
import { Link } from "react-router-dom";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { FoundItem, LinkTargetType } from "@groundwork/shared-types";
import { CONTEXT_URL_EXAMPLES, parseContextUrl } from "@groundwork/shared-types/contextUrl";
import { HOST_LABELS } from "@groundwork/shared-types/labels";
import { api, data } from "./api";
import { useSession } from "./session";
import { ErrorNote, LoadFailed, Skeleton, useAction } from "./ui";

/** The text a person stopped typing a moment ago. */
function useSettled(value: string, ms = 250) {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

function FoundRow({ item, busy, onPick }: { item: FoundItem; busy: boolean; onPick: () => void }) {
  const facts = [item.where, item.author, item.state].filter(Boolean).join(" · ");
  return (
    <li>
      <button type="button" className="found" disabled={busy} onClick={onPick} aria-label={`Attach ${item.reference} ${item.title}`}>
        <span className={`host ${item.host}`}>{HOST_LABELS[item.host]}</span>
        <span className="reference">{item.reference}</span>
        <span className="title">{item.title}</span>
        {facts && <span className="hint">{facts}</span>}
      </button>
    </li>
  );
}

/**
 * Attaches a PR or work item: type to search the connected hosts' recent ones (title, author,
 * repository or number) and pick one, or paste its link.
 */
export function AttachBox({
  targetType,
  targetId,
  onAttached,
  onCancel,
}: {
  targetType: LinkTargetType;
  targetId: string;
  onAttached: () => void;
  onCancel: () => void;
}) {
  const isOwner = useSession().session?.member.role === "owner";
  const [text, setText] = useState("");
  const typed = text.trim();
  const pasted = /^https?:\/\//i.test(typed);
  const q = useSettled(pasted ? "" : typed);
  const { error, busy, run, setError } = useAction();
  const found = useQuery({
    queryKey: ["context-search", q],
    queryFn: () => data(api.GET("/api/context-search", { params: { query: { q } } })),
    enabled: !pasted,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });

  async function attach(url: string) {
    if (!parseContextUrl(url)) {
      setError(`Paste a pull request or work item link, for example ${CONTEXT_URL_EXAMPLES[0]}`);
      return;
    }
    if (await run(() => api.POST("/api/context-links", { body: { targetType, targetId, url } }))) onAttached();
  }

  const items = found.data?.items ?? [];
  // While the next words' results load, the last ones stay on screen: the list is named for the words it shows.
  const shownFor = useRef(q);
  if (found.data && !found.isPlaceholderData) shownFor.current = q;
  return (
    <div className="attach-box">
      <form
        className="attach"
        onSubmit={(e) => {
          e.preventDefault();
          if (pasted) void attach(typed);
          else if (items[0]) void attach(items[0].url);
        }}
      >
        <input
          type="search"
          aria-label="Search pull requests and work items, or paste a link"
          placeholder="Search by title, author, repository or number, or paste a link"
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoFocus
        />
        <button disabled={busy || (!pasted && items.length === 0)}>Attach</button>
        <button type="button" className="quiet" onClick={onCancel}>
          Cancel
        </button>
      </form>
      <ErrorNote error={error} />
      {!pasted &&
        (found.isPending ? (
          <Skeleton label="pull requests and work items" rows={2} />
        ) : found.isError ? (
          <LoadFailed what="pull requests and work items" error={found.error} retry={() => void found.refetch()} />
        ) : (
          <div aria-busy={found.isFetching}>
            {items.length > 0 ? (
              <ul
                className="found-list"
                aria-label={shownFor.current ? `Pull requests and work items matching ${shownFor.current}` : "Recent pull requests and work items"}
              >
                {items.map((item) => (
                  <FoundRow key={item.url} item={item} busy={busy} onPick={() => void attach(item.url)} />
                ))}
              </ul>
            ) : (
              <p className="hint">
                {q ? `Nothing on your connected hosts matches "${q}". ` : "Nothing recent on your connected hosts. "}
                Paste a link instead
                {isOwner ? (
                  <>
                    , or connect a host under <Link to="/integrations">Integrations</Link>.
                  </>
                ) : (
                  "."
                )}
              </p>
            )}
            {found.data.unavailable.map((u) => (
              <p key={u.host} className="hint warn-text" role="status">
                {HOST_LABELS[u.host]} could not be searched: {u.message}
              </p>
            ))}
          </div>
        ))}
    </div>
  );
}
