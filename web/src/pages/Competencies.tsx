import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { THEME_LABELS } from "@groundwork/shared-types/labels";
import { CreateAssessmentRequest, CreateCompetencyRequest, type Competency } from "@groundwork/shared-types";
import { api, data } from "../api";
import { itemLabel } from "../ContextCard";
import { ContextLinks } from "../ContextLinks";
import { ListBody, LoadMore, usePagedList } from "../lists";
import { useSession } from "../session";
import { Empty, EmptyState, ErrorNote, FormField, NewDialog, PageHeader, useSchemaForm } from "../ui";
import { KIND_LABELS } from "./Timeline";

/** The API's request, with the levels typed one per line, lowest first. */
const CompetencyForm = z.object({
  name: CreateCompetencyRequest.shape.name,
  levels: z
    .string()
    .transform((text) =>
      text
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean)
        .map((title, i) => ({ level: i + 1, title })),
    )
    .pipe(CreateCompetencyRequest.shape.levels),
});

function NewCompetency({ done }: { done: () => void }) {
  const form = useSchemaForm(CompetencyForm, { name: "", levels: "Learning\nPractising\nLeading" });
  const { errors, isSubmitting } = form.formState;
  return (
    <form aria-label="New competency" noValidate onSubmit={form.submitWith(async (body) => data(api.POST("/api/competencies", { body })).then(done))}>
      <FormField label="Competency" error={errors.name?.message}>
        {(ids) => <input {...ids} {...form.register("name")} placeholder="Code review" />}
      </FormField>
      <FormField label="Levels, one per line, lowest first" error={errors.levels?.message}>
        {(ids) => <textarea {...ids} {...form.register("levels")} rows={3} />}
      </FormField>
      <ErrorNote error={form.failure} />
      <button disabled={isSubmitting}>Add competency</button>
    </form>
  );
}

/** The API's request, with what to tell a person who has not chosen yet, and an empty note left out. */
const AssessmentForm = CreateAssessmentRequest.extend({
  memberId: z.string().min(1, { message: "Choose a member" }).pipe(CreateAssessmentRequest.shape.memberId),
  competencyId: z.string().min(1, { message: "Choose a competency" }).pipe(CreateAssessmentRequest.shape.competencyId),
  note: z
    .string()
    .transform((note) => note.trim() || undefined)
    .pipe(CreateAssessmentRequest.shape.note),
});

function RecordAssessment({ competencies, onSaved }: { competencies: Competency[]; onSaved: () => void }) {
  const { session, members } = useSession();
  const isOwner = session?.member.role === "owner";
  const form = useSchemaForm(AssessmentForm, { memberId: "", competencyId: "", level: 1, note: "" });
  const { errors, isSubmitting } = form.formState;
  const chosen = competencies.find((c) => c.id === form.watch("competencyId"));
  return (
    <form
      aria-label="Assessment"
      noValidate
      onSubmit={form.submitWith(async (body) => {
        await data(api.POST("/api/assessments", { body }));
        form.reset();
        onSaved();
      })}
    >
      <FormField label="Member" error={errors.memberId?.message}>
        {(ids) => (
          <select {...ids} {...form.register("memberId")}>
            <option value="">Choose…</option>
            {members
              .filter((m) => isOwner || m.id === session?.member.id)
              .map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
          </select>
        )}
      </FormField>
      <FormField label="Competency" error={errors.competencyId?.message}>
        {(ids) => (
          <select {...ids} {...form.register("competencyId")}>
            <option value="">Choose…</option>
            {competencies.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label="Level" error={errors.level?.message}>
        {(ids) => (
          <select {...ids} {...form.register("level", { valueAsNumber: true })}>
            {(chosen?.levels ?? []).map((l) => (
              <option key={l.level} value={l.level}>
                {l.level}. {l.title}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label="Note" error={errors.note?.message}>
        {(ids) => <input {...ids} {...form.register("note")} />}
      </FormField>
      <ErrorNote error={form.failure} />
      <button disabled={isSubmitting}>Save assessment</button>
    </form>
  );
}

/** A member's work attached to the competency, quarter by quarter, beside the level they were assessed at by then. */
function Evidence({ competencyId }: { competencyId: string }) {
  const { session, members } = useSession();
  const isOwner = session?.member.role === "owner";
  const [open, setOpen] = useState(false);
  const [memberId, setMemberId] = useState(session?.member.id ?? "");
  const evidence = useQuery({
    queryKey: ["/api/competencies/{id}/evidence", competencyId, memberId],
    queryFn: () => data(api.GET("/api/competencies/{id}/evidence", { params: { path: { id: competencyId }, query: { memberId, periods: 4 } } })),
    enabled: open && Boolean(memberId),
  });
  return (
    <details className="evidence-over-time" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>Evidence over time</summary>
      {isOwner && (
        <label>
          Whose{" "}
          <select value={memberId} onChange={(e) => setMemberId(e.target.value)}>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {evidence.data && (
        <ol className="quarters">
          {evidence.data.periods.map((p) => (
            <li key={p.start}>
              <strong>{p.label}</strong> <span className="hint">{p.level ? `level ${p.level.level} ${p.level.title}` : "not assessed yet"}</span>
              {p.themes.length > 0 && <span className="hint"> · {p.themes.map((t) => THEME_LABELS[t.theme]).join(", ")}</span>}
              {p.entries.length === 0 ? (
                <span className="hint"> · no attached work</span>
              ) : (
                <ul>
                  {p.entries.map((e, i) => (
                    <li key={`${e.item.id}-${i}`}>
                      {KIND_LABELS[e.kind]}:{" "}
                      <a href={e.item.url} target="_blank" rel="noreferrer">
                        {itemLabel(e.item)}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}

export function CompetenciesPage() {
  const { session } = useSession();
  const isOwner = session?.member.role === "owner";
  const competencies = usePagedList("/api/competencies");
  const assessments = usePagedList("/api/assessments");
  const list = competencies.items;
  const load = () => Promise.all([competencies.reload(), assessments.reload()]);

  return (
    <section>
      <PageHeader title="Competencies">
        {isOwner && (
          <NewDialog label="New competency" title="New competency" onDone={() => void load()}>
            {(done) => <NewCompetency done={done} />}
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
              <Evidence competencyId={c.id} />
            </article>
          ))
        }
      </ListBody>
      {list.length > 0 && (
        <>
          <h2>Record an assessment</h2>
          <RecordAssessment competencies={list} onSaved={() => void load()} />
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
