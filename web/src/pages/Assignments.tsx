import { useEffect, useRef } from "react";
import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { AcceptanceCriteria, CreateAssignmentRequest, type Assignment, type AssignmentStatus } from "@groundwork/shared-types";
import { api, data } from "../api";
import { ListBody, usePagedList } from "../lists";
import { useMemberName, useSession } from "../session";
import { EmptyState, ErrorNote, FormField, NewDialog, PageHeader, useAction, useSchemaForm } from "../ui";

const STATUS_LABELS: Record<AssignmentStatus, string> = { planned: "Planned", in_progress: "In progress", in_review: "In review", done: "Done" };
const HOST_LABELS: Record<string, string> = { ado: "Azure DevOps", bitbucket: "Bitbucket" };
/** How long after asking for a pull request's state the page reads the assignment again. */
const SYNC_SETTLE_MS = 1500;

/** What a person types: the criteria one per line, and the growth target and repository as picked from lists. */
const AssignmentForm = z.object({
  title: CreateAssignmentRequest.shape.title,
  description: z.string(),
  memberId: z.string().min(1, { message: "Choose who takes it on" }),
  mentorId: z.string(),
  acceptanceCriteria: z
    .string()
    .transform((lines) =>
      lines
        .split("\n")
        .map((text) => text.trim())
        .filter(Boolean)
        .map((text) => ({ text })),
    )
    .pipe(AcceptanceCriteria),
  growth: z.string(),
  repository: z.string(),
});

function useRepositories() {
  return useQuery({ queryKey: ["/api/assignments/repositories"], queryFn: () => data(api.GET("/api/assignments/repositories")) }).data?.items ?? [];
}

function NewAssignment({ done }: { done: () => void }) {
  const { session, members } = useSession();
  const competencies = usePagedList("/api/competencies", { query: { limit: 200 } });
  const objectives = usePagedList("/api/objectives", { query: { limit: 200 } });
  const repositories = useRepositories();
  const form = useSchemaForm(AssignmentForm, { title: "", description: "", memberId: "", mentorId: "", acceptanceCriteria: "", growth: "", repository: "" });
  const { errors, isSubmitting } = form.formState;
  const save = form.submitWith(async ({ growth, repository, description, mentorId, ...fields }) => {
    const [kind, id, level] = growth.split(":");
    await data(
      api.POST("/api/assignments", {
        body: {
          ...fields,
          description: description || undefined,
          mentorId: mentorId || null,
          competency: kind === "competency" ? { id: id!, level: Number(level) } : null,
          keyResultId: kind === "key_result" ? id! : null,
          repository: repositories[Number(repository)] ?? null,
        },
      }),
    );
    done();
  });
  return (
    <form aria-label="New assignment" onSubmit={save} noValidate>
      <FormField label="Assignment" error={errors.title?.message}>
        {(ids) => <input {...ids} {...form.register("title")} placeholder="Lead the refund-retry redesign" />}
      </FormField>
      <FormField label="Description" error={errors.description?.message}>
        {(ids) => <textarea {...ids} rows={3} {...form.register("description")} />}
      </FormField>
      <FormField label="Acceptance criteria (one per line)" error={errors.acceptanceCriteria?.message}>
        {(ids) => <textarea {...ids} rows={4} {...form.register("acceptanceCriteria")} />}
      </FormField>
      <FormField label="Taken on by" error={errors.memberId?.message}>
        {(ids) => (
          <select {...ids} {...form.register("memberId")}>
            <option value="">Choose a member…</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.id === session?.member.id ? `${m.name} (you)` : m.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label="Mentor, who reviews the pull request" error={errors.mentorId?.message}>
        {(ids) => (
          <select {...ids} {...form.register("mentorId")}>
            <option value="">No mentor (you review it)</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.id === session?.member.id ? `${m.name} (you)` : m.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label="Grows" error={errors.growth?.message}>
        {(ids) => (
          <select {...ids} {...form.register("growth")}>
            <option value="">Nothing in particular</option>
            {competencies.items.flatMap((c) =>
              c.levels.map((l) => (
                <option key={`${c.id}:${l.level}`} value={`competency:${c.id}:${l.level}`}>
                  {c.name}, level {l.level}: {l.title}
                </option>
              )),
            )}
            {objectives.items.flatMap((o) =>
              o.keyResults.map((k) => (
                <option key={k.id} value={`key_result:${k.id}`}>
                  {o.period} · {o.title}: {k.title}
                </option>
              )),
            )}
          </select>
        )}
      </FormField>
      <FormField label="Repository where the work starts" error={errors.repository?.message}>
        {(ids) => (
          <select {...ids} {...form.register("repository")}>
            <option value="">None yet</option>
            {repositories.map((r, i) => (
              <option key={`${r.host}:${r.connectionId}:${r.repository}`} value={String(i)}>
                {r.repository} ({HOST_LABELS[r.host] ?? r.host})
              </option>
            ))}
          </select>
        )}
      </FormField>
      <ErrorNote error={form.failure} />
      <button disabled={isSubmitting}>Agree assignment</button>
    </form>
  );
}

/** What an assignment says: its wording and criteria (one per line; a criterion kept word for word stays ticked). */
const EditForm = AssignmentForm.pick({ title: true, description: true, acceptanceCriteria: true });

function EditAssignment({ assignment: a, done }: { assignment: Assignment; done: () => void }) {
  const form = useSchemaForm(EditForm, {
    title: a.title,
    description: a.description ?? "",
    acceptanceCriteria: a.acceptanceCriteria.map((c) => c.text).join("\n"),
  });
  const { errors, isSubmitting } = form.formState;
  const save = form.submitWith(async ({ title, description, acceptanceCriteria }) => {
    const ticked = new Set(a.acceptanceCriteria.filter((c) => c.done).map((c) => c.text));
    await data(
      api.PATCH("/api/assignments/{id}", {
        params: { path: { id: a.id } },
        body: { title, description, acceptanceCriteria: acceptanceCriteria.map((c) => ({ text: c.text, done: ticked.has(c.text) })) },
      }),
    );
    done();
  });
  return (
    <form aria-label={`Edit ${a.key}`} onSubmit={save} noValidate>
      {a.work?.state === "started" && (
        <p className="hint">
          Saving also updates <code>.tickets/{a.key}.md</code> on branch <code>{a.work.branch}</code> (a new commit when the words change) and the pull
          request&apos;s description.
        </p>
      )}
      <FormField label="Assignment" error={errors.title?.message}>
        {(ids) => <input {...ids} {...form.register("title")} />}
      </FormField>
      <FormField label="Description" error={errors.description?.message}>
        {(ids) => <textarea {...ids} rows={3} {...form.register("description")} />}
      </FormField>
      <FormField label="Acceptance criteria (one per line)" error={errors.acceptanceCriteria?.message}>
        {(ids) => <textarea {...ids} rows={4} {...form.register("acceptanceCriteria")} />}
      </FormField>
      <ErrorNote error={form.failure} />
      <button disabled={isSubmitting}>Save changes</button>
    </form>
  );
}

/** Start work, and what it made on the host: the branch, the pull request and its reviewer, or why it stopped. */
function WorkOnHost({ assignment: a, onChange }: { assignment: Assignment; onChange: () => void }) {
  const { session } = useSession();
  const nameOf = useMemberName();
  const { error, busy, run } = useAction();
  if (!a.repository) return null;
  const host = HOST_LABELS[a.repository.host] ?? a.repository.host;
  const may = session && ([a.memberId, a.mentorId].includes(session.member.id) || session.member.role === "owner");
  const start = (label: string) =>
    may && (
      <button
        className="quiet"
        disabled={busy}
        onClick={() =>
          void run(async () => {
            await data(api.POST("/api/assignments/{id}/start-work", { params: { path: { id: a.id } } }));
            onChange();
          })
        }
      >
        {label}
      </button>
    );
  const work = a.work;
  return (
    <div className="work" role="status" aria-label={`Work on ${host}`}>
      {!work && start(`Start work on ${host}`)}
      {work?.state === "starting" && <p>Starting the work on {host}: branch, ticket, pull request…</p>}
      {work?.state === "started" && (
        <p>
          Work started on branch <code>{work.branch}</code>:{" "}
          <a href={work.pullRequestUrl!} target="_blank" rel="noreferrer">
            pull request
          </a>
          {work.reviewer === "added" && (a.mentorId ? ", with the mentor reviewing" : `, with ${nameOf(a.createdBy)} (who set it) reviewing`)}
          {work.reviewer === "not_found" && `. ${host} knows nobody by the mentor's address, so no reviewer was added`}
          {work.reviewer === "unlinked" && `. The mentor has not linked their ${host} account (Profile → Linked accounts), so no reviewer was added`}
          {work.reviewer === "refused" && `. ${host} would not make the mentor reviewer (they opened it, or are not a member there), so none was added`}.{" "}
          <button
            className="quiet"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                await data(api.POST("/api/assignments/{id}/sync-pull-request", { params: { path: { id: a.id } } }));
                // The pull request is read in the background: a moment later the assignment shows what it said.
                await new Promise((r) => setTimeout(r, SYNC_SETTLE_MS));
                onChange();
              })
            }
          >
            {busy ? "Syncing…" : "Sync PR status"}
          </button>
        </p>
      )}
      {work?.state === "started" && work.error && <p className="field-error">{work.error}</p>}
      {work?.state === "failed" && (
        <>
          <p className="field-error">Starting the work stopped: {work.error}</p>
          {start("Try again")}
        </>
      )}
      <ErrorNote error={error} />
    </div>
  );
}

function AssignmentCard({ assignment: a, onChange }: { assignment: Assignment; onChange: () => void }) {
  const nameOf = useMemberName();
  const { error, busy, run } = useAction();
  const patch = (body: { status?: AssignmentStatus; acceptanceCriteria?: Assignment["acceptanceCriteria"] }) =>
    void run(async () => {
      await data(api.PATCH("/api/assignments/{id}", { params: { path: { id: a.id } }, body }));
      onChange();
    });
  const grows = a.competency
    ? `grows ${a.competency.name}${a.competency.level ? `, level ${a.competency.level}` : ""}`
    : a.keyResult
      ? `moves "${a.keyResult.title}"`
      : null;
  const done = a.acceptanceCriteria.filter((c) => c.done).length;
  return (
    <article className="card" aria-label={`Assignment ${a.key}`}>
      <header className="card-header">
        <h2>
          {a.key} · {a.title}
        </h2>
        <NewDialog label="Edit" title={`Edit ${a.key}`} buttonClass="quiet" onDone={onChange}>
          {(done) => <EditAssignment assignment={a} done={done} />}
        </NewDialog>
      </header>
      <p className="hint">
        {[
          `taken on by ${nameOf(a.memberId)}`,
          a.mentorId && `mentored by ${nameOf(a.mentorId)}`,
          grows,
          a.repository && `in ${a.repository.repository} (${HOST_LABELS[a.repository.host] ?? a.repository.host})`,
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>
      {a.description && <p>{a.description}</p>}
      <p>
        <label>
          Status{" "}
          <select aria-label={`Status of ${a.key}`} value={a.status} disabled={busy} onChange={(e) => patch({ status: e.target.value as AssignmentStatus })}>
            {Object.entries(STATUS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </p>
      <WorkOnHost assignment={a} onChange={onChange} />
      <fieldset className="criteria">
        <legend>
          Acceptance criteria ({done} of {a.acceptanceCriteria.length} met)
        </legend>
        {a.acceptanceCriteria.map((c, i) => (
          <label key={i}>
            <input
              type="checkbox"
              checked={c.done}
              disabled={busy}
              onChange={() => patch({ acceptanceCriteria: a.acceptanceCriteria.map((x, j) => (j === i ? { ...x, done: !x.done } : x)) })}
            />{" "}
            {c.text}
          </label>
        ))}
      </fieldset>
      <ErrorNote error={error} />
    </article>
  );
}

/** Opening the page asks the host about a pull request Groundwork has not heard of for this long (an event may have been missed). */
const QUIET_MS = 10 * 60_000;

/** Once per visit: the started work whose pull request has been quiet is read from its host, and the list again after. */
function useSyncQuietWork(items: Assignment[], loaded: boolean, reload: () => unknown) {
  const done = useRef(false);
  useEffect(() => {
    if (done.current || !loaded) return;
    done.current = true;
    const quiet = items.filter(
      (a) => a.work?.state === "started" && a.status !== "done" && (!a.pullRequestReadAt || Date.now() - Date.parse(a.pullRequestReadAt) > QUIET_MS),
    );
    if (!quiet.length) return;
    void Promise.allSettled(quiet.map((a) => api.POST("/api/assignments/{id}/sync-pull-request", { params: { path: { id: a.id } } }))).then(() =>
      setTimeout(() => void reload(), SYNC_SETTLE_MS),
    );
  }, [items, loaded, reload]);
}

export function AssignmentsPage() {
  // While work is being started on a host, the list is read again until it has been.
  const list = usePagedList("/api/assignments", {}, true, (items) => items.some((a) => a.work?.state === "starting"));
  const load = list.reload;
  useSyncQuietWork(list.items, !list.loading && !list.error, load);
  return (
    <section>
      <PageHeader title="Growth assignments">
        <NewDialog label="New assignment" title="New assignment" onDone={() => void load()}>
          {(done) => <NewAssignment done={done} />}
        </NewDialog>
      </PageHeader>
      <ListBody
        list={list}
        label="assignments"
        empty={
          <EmptyState title="No assignments yet">
            Agree a stretch assignment with a member with <strong>New assignment</strong>: what it is, how you will both know it is done, who mentors it, and
            the competency or key result it grows.
          </EmptyState>
        }
      >
        {(items) => items.map((a) => <AssignmentCard key={a.id} assignment={a} onChange={() => void load()} />)}
      </ListBody>
    </section>
  );
}
