import { Link } from "react-router-dom";
import { z } from "zod";
import { CreateFeedbackRequest } from "@groundwork/shared-types";
import { api, data } from "../api";
import { ContextLinks } from "../ContextLinks";
import { ListBody, usePagedList } from "../lists";
import { useMemberName, useSession } from "../session";
import { EmptyState, ErrorNote, FormField, NewDialog, PageHeader, useSchemaForm } from "../ui";

/** The API's request, with what a person should be told when they have not picked a teammate. */
const FeedbackForm = CreateFeedbackRequest.extend({
  subjectId: z.string().min(1, { message: "Choose a teammate" }).pipe(CreateFeedbackRequest.shape.subjectId),
});

function WriteFeedback({ done }: { done: () => void }) {
  const { session, members } = useSession();
  const others = members.filter((m) => m.id !== session?.member.id);
  const form = useSchemaForm(FeedbackForm, { subjectId: "", body: "", visibility: "shared_with_subject" });
  const { errors, isSubmitting } = form.formState;
  if (others.length === 0)
    return (
      <p>
        There is no one to give feedback to yet: <Link to="/members">invite your teammates</Link> first.
      </p>
    );
  return (
    <form aria-label="Write feedback" onSubmit={form.submitWith(async (body) => data(api.POST("/api/feedback", { body })).then(done))} noValidate>
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
      <FormField label="Feedback" error={errors.body?.message}>
        {(ids) => <textarea {...ids} {...form.register("body")} rows={5} placeholder="What happened, what they did, and what it changed" />}
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
