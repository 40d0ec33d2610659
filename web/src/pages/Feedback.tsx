import { Link } from "react-router-dom";
import { z } from "zod";
import { useState } from "react";
import { CreateFeedbackRequest, type FeedbackDraft } from "@groundwork/shared-types";
import { THEME_LABELS } from "@groundwork/shared-types/labels";
import { api, data } from "../api";
import { ContextLinks } from "../ContextLinks";
import { ListBody, usePagedList } from "../lists";
import { useMemberName, useSession } from "../session";
import { itemLabel } from "../ContextCard";
import { EmptyState, ErrorNote, FormField, NewDialog, PageHeader, useAction, useSchemaForm } from "../ui";

/** The API's request, with what a person should be told when they have not picked a teammate. */
const FeedbackForm = CreateFeedbackRequest.extend({
  subjectId: z.string().min(1, { message: "Choose a teammate" }).pipe(CreateFeedbackRequest.shape.subjectId),
});

/**
 * Drafts the note from the teammate's recent pull requests and work items: the writer picks up to
 * five, Groundwork proposes situation, behaviour and impact from what their insights say, and the
 * writer edits it; the picked items are attached when the feedback is saved.
 */
function DraftFromWork({ subjectId, onDraft }: { subjectId: string; onDraft: (draft: FeedbackDraft) => void }) {
  const contributions = usePagedList("/api/members/{id}/contributions", { path: { id: subjectId }, query: { limit: 10 } });
  const [picked, setPicked] = useState<string[]>([]);
  const { error, busy, run } = useAction();
  if (contributions.loading) return null;
  if (contributions.items.length === 0) return <p className="hint">No pull requests or work items of theirs yet to draft from.</p>;
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id].slice(-5)));
  return (
    <fieldset className="draft-from">
      <legend>Draft from their work</legend>
      {contributions.items.map(({ item }) => (
        <label key={item.id}>
          <input type="checkbox" checked={picked.includes(item.id)} onChange={() => toggle(item.id)} /> {itemLabel(item)}
          {item.insight && item.insight.themes.length > 0 && (
            <span className="hint"> · {item.insight.themes.map((t) => THEME_LABELS[t.theme]).join(", ")}</span>
          )}
        </label>
      ))}
      <ErrorNote error={error} />
      <button
        type="button"
        className="quiet"
        disabled={busy || picked.length === 0}
        onClick={() => void run(async () => onDraft(await data(api.POST("/api/feedback/drafts", { body: { subjectId, contextItemIds: picked } }))))}
      >
        Draft feedback
      </button>
    </fieldset>
  );
}

function WriteFeedback({ done }: { done: () => void }) {
  const { session, members } = useSession();
  const others = members.filter((m) => m.id !== session?.member.id);
  const form = useSchemaForm(FeedbackForm, { subjectId: "", body: "", visibility: "shared_with_subject" });
  const { errors, isSubmitting } = form.formState;
  const subjectId = form.watch("subjectId");
  // What a draft cites, for the teammate it was drafted about: choosing someone else drops it.
  const [drafted, setDrafted] = useState<{ subjectId: string; cites: FeedbackDraft["cites"] }>({ subjectId: "", cites: [] });
  const cites = drafted.subjectId === subjectId ? drafted.cites : [];
  const save = form.submitWith(async (body) => {
    const saved = await data(api.POST("/api/feedback", { body }));
    // The drafted note cites these: they are attached, as the note says.
    for (const c of cites) await data(api.POST("/api/context-links", { body: { targetType: "feedback", targetId: saved.id, url: c.url } }));
    done();
  });
  if (others.length === 0)
    return (
      <p>
        There is no one to give feedback to yet: <Link to="/members">invite your teammates</Link> first.
      </p>
    );
  return (
    <form aria-label="Write feedback" onSubmit={save} noValidate>
      <FormField label="About" error={errors.subjectId?.message}>
        {(ids) => (
          <select {...ids} {...form.register("subjectId")}>
            <option value="">Choose a teammate…</option>
            {others.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {subjectId && (
        <DraftFromWork
          key={subjectId}
          subjectId={subjectId}
          onDraft={(draft) => {
            form.setValue("body", draft.body, { shouldValidate: true });
            setDrafted({ subjectId, cites: draft.cites });
          }}
        />
      )}
      {cites.length > 0 && (
        <p className="hint" role="status">
          Drafted from {cites.map((c) => `“${c.title}”`).join(", ")}: edit it before saving. {cites.length === 1 ? "It is" : "They are"} attached when you save.
        </p>
      )}
      <FormField label="Feedback" error={errors.body?.message}>
        {(ids) => <textarea {...ids} {...form.register("body")} rows={7} placeholder="What happened, what they did, and what it changed" />}
      </FormField>
      <FormField label="Who can see it" error={errors.visibility?.message}>
        {(ids) => (
          <select {...ids} {...form.register("visibility")}>
            <option value="shared_with_subject">Shared with them</option>
            <option value="private">Only me (a private note)</option>
          </select>
        )}
      </FormField>
      <ErrorNote error={form.failure} />
      <button disabled={isSubmitting}>Save feedback</button>
    </form>
  );
}

export function FeedbackPage() {
  const nameOf = useMemberName();
  const list = usePagedList("/api/feedback");
  const load = list.reload;

  return (
    <section>
      <PageHeader title="Feedback">
        <NewDialog label="New feedback" title="Write feedback" onDone={() => void load()}>
          {(done) => <WriteFeedback done={done} />}
        </NewDialog>
      </PageHeader>
      <ListBody
        list={list}
        label="feedback"
        empty={
          <EmptyState title="No feedback yet">
            Write the first with <strong>New feedback</strong>, and attach the pull requests that show what you mean. Nobody to write about?{" "}
            <Link to="/members">Invite your teammates</Link>.
          </EmptyState>
        }
      >
        {(items) =>
          items.map((f) => (
            <article key={f.id} className="card" aria-label="Feedback">
              <header>
                <strong>{nameOf(f.authorId)}</strong> about <strong>{nameOf(f.subjectId)}</strong>
                <span className="hint">
                  {" "}
                  · {new Date(f.createdAt).toLocaleDateString()} · {f.visibility === "private" ? "private note" : "shared"}
                </span>
              </header>
              <p className="body">{f.body}</p>
              <ContextLinks targetType="feedback" targetId={f.id} links={f.links} onChange={() => void load()} />
            </article>
          ))
        }
      </ListBody>
    </section>
  );
}
