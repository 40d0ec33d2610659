import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import type { LinkTarget } from "@groundwork/shared-types";
import { parseContextUrl } from "@groundwork/shared-types/contextUrl";
import { api } from "../api";
import { TargetPicker } from "../TargetPicker";
import { ErrorNote, Field, Form, useAction } from "../ui";

/** Where a host's "Add this PR to Groundwork" status link lands: pick what to attach it to. */
export function AddLinkPage() {
  const [params] = useSearchParams();
  const url = params.get("url") ?? "";
  const parsed = parseContextUrl(url);
  const [target, setTarget] = useState<LinkTarget | null>(null);
  const [note, setNote] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const { error, busy, run } = useAction();

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
      ) : (
        <Form
          label="Add to Groundwork"
          onSubmit={() => {
            if (!target) return;
            void run(async () => {
              await api.POST("/api/context-links", { body: { targetType: target.type, targetId: target.id, url, ...(note ? { note } : {}) } });
              setDone(target.title);
            });
          }}
        >
          <TargetPicker chosen={target} onChoose={setTarget} />
          <Field label="Note (optional)">
            <input value={note} onChange={(e) => setNote(e.target.value)} />
          </Field>
          <button disabled={busy || !target}>Add</button>
        </Form>
      )}
      <ErrorNote error={error} />
    </section>
  );
}
