import { useState } from "react";

import { api, data } from "../api";
import { ContextLinks } from "../ContextLinks";
import { ListBody, LoadMore, usePagedList } from "../lists";
import { useSession } from "../session";
import { Empty, EmptyState, ErrorNote, Field, Form, NewDialog, PageHeader, useAction } from "../ui";

export function CompetenciesPage() {
  const { session, members } = useSession();
  const isOwner = session?.member.role === "owner";
  const competencies = usePagedList("/api/competencies");
  const assessments = usePagedList("/api/assessments");
  const list = competencies.items;
  const load = () => Promise.all([competencies.reload(), assessments.reload()]);
  const [name, setName] = useState("");
  const [levels, setLevels] = useState("Learning\nPractising\nLeading");
  const [assess, setAssess] = useState({ memberId: "", competencyId: "", level: "1", note: "" });
  const { error, busy, run } = useAction();
  const chosen = list.find((c) => c.id === assess.competencyId);

  return (
    <section>
      <PageHeader title="Competencies">
        {isOwner && (
          <NewDialog label="New competency" title="New competency" onDone={() => void load()}>
            {(done) => (
              <Form
                label="New competency"
                onSubmit={() =>
                  void run(async () => {
                    const titles = levels
                      .split("\n")
                      .map((s) => s.trim())
                      .filter(Boolean);
                    await data(api.POST("/api/competencies", { body: { name, levels: titles.map((title, i) => ({ level: i + 1, title })) } }));
                    setName("");
                    done();
                  })
                }
              >
                <Field label="Competency">
                  <input value={name} onChange={(e) => setName(e.target.value)} required />
                </Field>
                <Field label="Levels, one per line, lowest first">
                  <textarea value={levels} onChange={(e) => setLevels(e.target.value)} rows={3} />
                </Field>
                <ErrorNote error={error} />
                <button disabled={busy}>Add competency</button>
              </Form>
            )}
          </NewDialog>
        )}
      </PageHeader>
      <ListBody
        list={competencies}
        label="competencies"
        empty={
          <EmptyState title="No competencies yet">
            {isOwner
              ? "Define your team's career framework with New competency: each competency with its levels, lowest first."
              : "Your workspace owners have not defined competencies yet."}
          </EmptyState>
        }
      >
        {(items) =>
          items.map((c) => (
            <article key={c.id} className="card" aria-label={`Competency ${c.name}`}>
              <h2>{c.name}</h2>
              <ol className="levels">
                {c.levels.map((l) => (
                  <li key={l.level}>{l.title}</li>
                ))}
              </ol>
              <ContextLinks targetType="competency" targetId={c.id} links={c.links} onChange={() => void load()} />
            </article>
          ))
        }
      </ListBody>
      {list.length > 0 && (
        <>
          <h2>Record an assessment</h2>
          <Form
            label="Assessment"
            onSubmit={() =>
              void run(async () => {
                await api.POST("/api/assessments", { body: { ...assess, level: Number(assess.level), note: assess.note || undefined } });
                await load();
              })
            }
          >
            <Field label="Member">
              <select value={assess.memberId} onChange={(e) => setAssess({ ...assess, memberId: e.target.value })} required>
                <option value="">Choose…</option>
                {members
                  .filter((m) => isOwner || m.id === session?.member.id)
                  .map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.name}
                    </option>
                  ))}
              </select>
            </Field>
            <Field label="Competency">
              <select value={assess.competencyId} onChange={(e) => setAssess({ ...assess, competencyId: e.target.value })} required>
                <option value="">Choose…</option>
                {list.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Level">
              <select value={assess.level} onChange={(e) => setAssess({ ...assess, level: e.target.value })}>
                {(chosen?.levels ?? []).map((l) => (
                  <option key={l.level} value={l.level}>
                    {l.level}. {l.title}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Note">
              <input value={assess.note} onChange={(e) => setAssess({ ...assess, note: e.target.value })} />
            </Field>
            <ErrorNote error={error} />
            <button disabled={busy}>Save assessment</button>
          </Form>
          <h3>Your assessments</h3>
          {!assessments.loading && assessments.items.length === 0 && <Empty>None yet.</Empty>}
          <ul>
            {assessments.items.map((a) => {
              const c = list.find((x) => x.id === a.competencyId);
              return (
                <li key={a.id}>
                  {c?.name}: level {a.level} {c?.levels.find((l) => l.level === a.level)?.title} {a.note ? `— ${a.note}` : ""}
                </li>
              );
            })}
          </ul>
          <LoadMore list={assessments} />
        </>
      )}
    </section>
  );
}
