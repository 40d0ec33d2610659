import { z } from "zod";
import { CreateKeyResultRequest, CreateObjectiveRequest } from "@groundwork/shared-types";
import { api, data } from "../api";
import { ContextLinks } from "../ContextLinks";
import { ListBody, usePagedList } from "../lists";
import { useMemberName } from "../session";
import { EmptyState, ErrorNote, FormField, NewDialog, PageHeader, useFieldError, useSchemaForm } from "../ui";

function currentQuarter() {
  const d = new Date();
  return `${d.getFullYear()}-Q${Math.floor(d.getMonth() / 3) + 1}`;
}

/** The API's request for a key result, with a target a person typed. */
const KeyResultFields = z.object({
  title: CreateKeyResultRequest.shape.title,
  target: z.number({ error: "enter a target number" }).pipe(CreateKeyResultRequest.shape.target.unwrap()),
});

function KeyResultForm({ objectiveId, onAdded }: { objectiveId: string; onAdded: () => void }) {
  const form = useSchemaForm(KeyResultFields, { title: "", target: 100 });
  const { errors, isSubmitting } = form.formState;
  // One line, one error: the title's, else the target's.
  const error = useFieldError(errors.title?.message ?? errors.target?.message);
  return (
    <form
      className="inline"
      noValidate
      onSubmit={form.submitWith(async (body) => {
        await data(api.POST("/api/objectives/{id}/key-results", { params: { path: { id: objectiveId } }, body }));
        form.reset();
        onAdded();
      })}
    >
      <input aria-label="New key result" placeholder="Add a key result…" {...form.register("title")} {...error.field} aria-invalid={Boolean(errors.title)} />
      <input
        aria-label="Target"
        type="number"
        step="any"
        className="narrow"
        {...form.register("target", { valueAsNumber: true })}
        {...error.field}
        aria-invalid={Boolean(errors.target)}
      />
      <button disabled={isSubmitting}>Add</button>
      {error.note}
      <ErrorNote error={form.failure} />
    </form>
  );
}

function SetObjective({ done }: { done: () => void }) {
  const form = useSchemaForm(CreateObjectiveRequest, { title: "", period: currentQuarter() });
  const { errors, isSubmitting } = form.formState;
  return (
    <form aria-label="New objective" onSubmit={form.submitWith(async (body) => data(api.POST("/api/objectives", { body })).then(done))} noValidate>
      <FormField label="Objective" error={errors.title?.message}>
        {(ids) => <input {...ids} {...form.register("title")} placeholder="What should be true by the end of the period?" />}
      </FormField>
      <FormField label="Period (e.g. 2026-Q4)" error={errors.period?.message}>
        {(ids) => <input {...ids} {...form.register("period")} />}
      </FormField>
      <ErrorNote error={form.failure} />
      <button disabled={isSubmitting}>Set objective</button>
    </form>
  );
}

export function OkrsPage() {
  const nameOf = useMemberName();
  const list = usePagedList("/api/objectives");
  const load = list.reload;

  return (
    <section>
      <PageHeader title="OKRs">
        <NewDialog label="New objective" title="New objective" onDone={() => void load()}>
          {(done) => <SetObjective done={done} />}
        </NewDialog>
      </PageHeader>
      <ListBody
        list={list}
        label="objectives"
        empty={
          <EmptyState title="No objectives yet">
            Set one with <strong>New objective</strong>, give it key results, and attach the pull requests and work items that move them.
          </EmptyState>
        }
      >
        {(items) =>
          items.map((o) => (
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
          ))
        }
      </ListBody>
    </section>
  );
}
