import { useState } from "react";

import { api } from "../api";
import { ContextLinks } from "../ContextLinks";
import { LoadMore, usePagedList } from "../lists";
import { useMemberName } from "../session";
import { Empty, ErrorNote, Field, Form, InlineAdd, useAction } from "../ui";

function currentQuarter() {
  const d = new Date();
  return `${d.getFullYear()}-Q${Math.floor(d.getMonth() / 3) + 1}`;
}

function KeyResultForm({ objectiveId, onAdded }: { objectiveId: string; onAdded: () => void }) {
  const [target, setTarget] = useState("100");
  return (
    <InlineAdd
      label="New key result"
      placeholder="Add a key result…"
      save={(title) => api.POST("/api/objectives/{id}/key-results", { params: { path: { id: objectiveId } }, body: { title, target: Number(target) } })}
      onAdded={onAdded}
    >
      <input aria-label="Target" type="number" min="0" step="any" value={target} onChange={(e) => setTarget(e.target.value)} className="narrow" />
    </InlineAdd>
  );
}

export function OkrsPage() {
  const nameOf = useMemberName();
  const list = usePagedList("/api/objectives");
  const load = list.reload;
  const [title, setTitle] = useState("");
  const [period, setPeriod] = useState(currentQuarter());
  const { error, busy, run } = useAction();

  return (
    <section>
      <h1>OKRs</h1>
      <Form
        label="New objective"
        onSubmit={() =>
          void run(async () => {
            await api.POST("/api/objectives", { body: { title, period } });
            setTitle("");
            await load();
          })
        }
      >
        <Field label="Objective">
          <input value={title} onChange={(e) => setTitle(e.target.value)} required />
        </Field>
        <Field label="Period (e.g. 2026-Q4)">
          <input value={period} onChange={(e) => setPeriod(e.target.value)} required />
        </Field>
        <ErrorNote error={error} />
        <button disabled={busy}>Set objective</button>
      </Form>
      {list.loading ? <Empty>Loading objectives…</Empty> : list.items.length === 0 && <Empty>No objectives yet.</Empty>}
      {list.items.map((o) => (
        <article key={o.id} className="card" aria-label={`Objective ${o.title}`}>
          <h2>{o.title}</h2>
          <p className="hint">
            {o.period} · owned by {nameOf(o.ownerId)}
          </p>
          <ContextLinks targetType="objective" targetId={o.id} links={o.links} onChange={() => void load()} />
          <ul className="krs">
            {o.keyResults.map((k) => (
              <li key={k.id}>
                <div className="kr">
                  <span>{k.title}</span>
                  <progress max={k.target} value={Math.min(k.current, k.target)} />
                  <input
                    aria-label={`Progress of ${k.title}`}
                    type="number"
                    min="0"
                    step="any"
                    className="narrow"
                    defaultValue={k.current}
                    onBlur={(e) => {
                      const current = Number(e.target.value);
                      if (current !== k.current) void api.PATCH("/api/key-results/{id}", { params: { path: { id: k.id } }, body: { current } }).then(load);
                    }}
                  />
                  <span className="hint">/ {k.target}</span>
                </div>
                <ContextLinks targetType="key_result" targetId={k.id} links={k.links} onChange={() => void load()} />
              </li>
            ))}
          </ul>
          <KeyResultForm objectiveId={o.id} onAdded={() => void load()} />
        </article>
      ))}
      <LoadMore list={list} />
    </section>
  );
}
