import { useState } from "react";

import { api } from "../api";
import { ContextLinks } from "../ContextLinks";
import { LoadMore, usePagedList } from "../lists";
import { useMemberName, useSession } from "../session";
import { Empty, ErrorNote, Field, Form, useAction } from "../ui";

export function FeedbackPage() {
  const { session, members } = useSession();
  const nameOf = useMemberName();
  const list = usePagedList("/api/feedback");
  const load = list.reload;
  const [subjectId, setSubjectId] = useState("");
  const [body, setBody] = useState("");
  const [visibility, setVisibility] = useState<"shared_with_subject" | "private">("shared_with_subject");
  const { error, busy, run } = useAction();
  const others = members.filter((m) => m.id !== session?.member.id);

  return (
    <section>
      <h1>Feedback</h1>
      <Form
        label="Write feedback"
        onSubmit={() =>
          void run(async () => {
            await api.POST("/api/feedback", { body: { subjectId, body, visibility } });
            setBody("");
            await load();
          })
        }
      >
        <Field label="About">
          <select value={subjectId} onChange={(e) => setSubjectId(e.target.value)} required>
            <option value="">Choose a teammate…</option>
            {others.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Feedback">
          <textarea value={body} onChange={(e) => setBody(e.target.value)} required rows={3} />
        </Field>
        <Field label="Who can see it">
          <select value={visibility} onChange={(e) => setVisibility(e.target.value as typeof visibility)}>
            <option value="shared_with_subject">Shared with them</option>
            <option value="private">Only me (a private note)</option>
          </select>
        </Field>
        <ErrorNote error={error} />
        <button disabled={busy}>Save feedback</button>
      </Form>
      {others.length === 0 && <Empty>Invite teammates under Members to give them feedback.</Empty>}
      {list.loading ? (
        <Empty>Loading feedback…</Empty>
      ) : list.items.length === 0 ? (
        <Empty>No feedback yet.</Empty>
      ) : (
        list.items.map((f) => (
          <article key={f.id} className="card" aria-label="Feedback">
            <header>
              <strong>{nameOf(f.authorId)}</strong> about <strong>{nameOf(f.subjectId)}</strong>
              <span className="hint">
                {" "}
                · {new Date(f.createdAt).toLocaleDateString()} · {f.visibility === "private" ? "private note" : "shared"}
              </span>
            </header>
            <p>{f.body}</p>
            <ContextLinks targetType="feedback" targetId={f.id} links={f.links} onChange={() => void load()} />
          </article>
        ))
      )}
      <LoadMore list={list} />
    </section>
  );
}
