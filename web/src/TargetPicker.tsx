import { useEffect, useMemo, useState } from "react";
import type { LinkTarget } from "@groundwork/shared-types";
import { LINK_TARGET_GROUPS, targetValue } from "@groundwork/shared-types/labels";
import { createLinkTargetSearch, initialLinkTargetSearch } from "@groundwork/shared-types/linkTargetSearch";
import { api, data } from "./api";
import { Empty } from "./ui";

/** Type-ahead over what the caller may attach a PR or work item to, grouped by kind. */
export function TargetPicker({ chosen, onChoose }: { chosen: LinkTarget | null; onChoose(target: LinkTarget): void }) {
  const [found, setFound] = useState(initialLinkTargetSearch);
  const search = useMemo(() => createLinkTargetSearch((query) => data(api.GET("/api/link-targets", { params: { query } })), setFound), []);
  useEffect(() => {
    search.search("", true);
    return search.dispose;
  }, [search]);
  return (
    <fieldset className="picker">
      <legend>Attach to</legend>
      <input
        type="search"
        aria-label="Find what to attach to"
        value={found.query}
        onChange={(e) => search.search(e.target.value)}
        placeholder="Search your feedback, agenda items, OKRs and competencies"
      />
      {LINK_TARGET_GROUPS.map((group) => {
        const items = found.results.filter((t) => t.group === group);
        return items.length ? (
          <div key={group} role="group" aria-label={group}>
            <div className="hint">{group}</div>
            {items.map((t) => (
              <label key={targetValue(t)} className="option">
                <input type="radio" name="target" checked={chosen !== null && targetValue(chosen) === targetValue(t)} onChange={() => onChoose(t)} />
                {t.title}
              </label>
            ))}
          </div>
        ) : null;
      })}
      {found.hasMore && (
        <button type="button" className="secondary" disabled={found.loading} onClick={search.more}>
          More results
        </button>
      )}
      {found.error && <p className="error">{found.error}</p>}
      {found.loading && found.results.length === 0 && <Empty>Searching…</Empty>}
      {!found.loading && !found.error && found.results.length === 0 && (
        <Empty>
          {found.query
            ? `Nothing you can attach to matches "${found.query}".`
            : "Nothing to attach it to yet: write feedback, add an agenda item or set an OKR first."}
        </Empty>
      )}
    </fieldset>
  );
}
