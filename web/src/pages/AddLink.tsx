import { useEffect, useState } from "react";
import { useSearchParams } from "react-router-dom";
import type { LinkTarget } from "@groundwork/shared-types";
import { parseContextUrl } from "@groundwork/shared-types/contextUrl";
import { LINK_TARGET_GROUPS, targetValue } from "@groundwork/shared-types/labels";
import { api } from "../api";
import { Empty, ErrorNote, Field, Form, useAction } from "../ui";

/** Where a host's "Add this PR to Groundwork" status link lands: pick what to attach it to. */
export function AddLinkPage() {
  const [params] = useSearchParams();
  const url = params.get("url") ?? "";
  const parsed = parseContextUrl(url);
  const [targets, setTargets] = useState<LinkTarget[]>([]);
  const [choice, setChoice] = useState("");
  const [note, setNote] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const { error, busy, run } = useAction();

  useEffect(() => {
    void run(async () => setTargets(await api<LinkTarget[]>("GET", "/api/link-targets")));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (!parsed)
    return (
      <section>
        <h1>Add to Groundwork</h1>
        <p className="error">This link does not name a pull request or work item Groundwork knows: {url || "(none)"}</p>
      </section>
    );
  return (
    <section>
      <h1>Add to Groundwork</h1>
      <p>
        <a href={parsed.canonicalUrl} target="_blank" rel="noreferrer">
          {parsed.canonicalUrl}
        </a>
      </p>
      {done ? (
        <p className="notice" role="status">
          Added to {done}.
        </p>
      ) : targets.length === 0 ? (
        <Empty>Nothing to attach it to yet: write feedback, add an agenda item or set an OKR first.</Empty>
      ) : (
        <Form
          label="Add to Groundwork"
          onSubmit={() => {
            const target = targets.find((t) => targetValue(t) === choice);
            if (!target) return;
            void run(async () => {
              await api("POST", "/api/context-links", { targetType: target.type, targetId: target.id, url, ...(note ? { note } : {}) });
              setDone(target.title);
            });
          }}
        >
          <Field label="Attach to">
            <select value={choice} onChange={(e) => setChoice(e.target.value)} required>
              <option value="">Choose…</option>
              {LINK_TARGET_GROUPS.map((group) => {
                const items = targets.filter((t) => t.group === group);
                return items.length ? (
                  <optgroup key={group} label={group}>
                    {items.map((t) => (
                      <option key={targetValue(t)} value={targetValue(t)}>
                        {t.title}
                      </option>
                    ))}
                  </optgroup>
                ) : null;
              })}
            </select>
          </Field>
          <Field label="Note (optional)">
            <input value={note} onChange={(e) => setNote(e.target.value)} />
          </Field>
          <button disabled={busy}>Add</button>
        </Form>
      )}
      <ErrorNote error={error} />
    </section>
  );
}
