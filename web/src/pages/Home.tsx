import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import { plural } from "@groundwork/shared-types/labels";
import { itemLabel } from "../ContextCard";
import { ListBody, usePagedList } from "../lists";
import { useMemberName, useSession } from "../session";
import { EmptyState } from "../ui";

const FIRST = { query: { limit: 5 } };

function Panel({ title, to, children }: { title: string; to: string; children: ReactNode }) {
  return (
    <article className="card panel" aria-label={title}>
      <header>
        <h2>{title}</h2>
        <Link to={to}>See all</Link>
      </header>
      {children}
    </article>
  );
}

/** The share of a key result's target reached, averaged over an objective's key results. */
const progress = (krs: { current: number; target: number }[]) =>
  krs.length === 0 ? null : krs.reduce((sum, k) => sum + Math.min(1, k.target > 0 ? k.current / k.target : 0), 0) / krs.length;

/** What a manager needs this week: their 1:1s and open topics, recent feedback, OKR progress and newly attached work. */
export function HomePage() {
  const { session, members } = useSession();
  const nameOf = useMemberName();
  const oneOnOnes = usePagedList("/api/one-on-ones", FIRST);
  const feedback = usePagedList("/api/feedback", FIRST);
  const objectives = usePagedList("/api/objectives", FIRST);
  const me = session?.member.id ?? "";
  const work = usePagedList("/api/members/{id}/contributions", { path: { id: me }, ...FIRST }, Boolean(me));
  if (!session) return null;
  const alone = members.length <= 1;
  return (
    <section>
      <h1>Welcome, {session.member.name}</h1>
      {alone && (
        <p className="notice">
          {session.workspace.name} has only you so far. <Link to="/members">Invite your teammates</Link> to give feedback and hold 1:1s.
        </p>
      )}
      <div className="dashboard">
        <Panel title="Your 1:1s" to="/one-on-ones">
          <ListBody
            list={oneOnOnes}
            label="1:1s"
            empty={
              <EmptyState title="No 1:1s yet">
                <Link to="/one-on-ones">Start one</Link> with a teammate.
              </EmptyState>
            }
          >
            {(items) => (
              <ul className="plain">
                {items.map((o) => {
                  const open = o.agenda.filter((a) => !a.done);
                  return (
                    <li key={o.id}>
                      <strong>{nameOf(o.memberIds.find((id) => id !== me) ?? "")}</strong>
                      <span className="hint"> · {plural(open.length, "open topic")}</span>
                      {open.length > 0 && (
                        <ul className="topics">
                          {open.slice(0, 3).map((a) => (
                            <li key={a.id}>{a.text}</li>
                          ))}
                        </ul>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </ListBody>
        </Panel>
        <Panel title="Recent feedback" to="/feedback">
          <ListBody
            list={feedback}
            label="feedback"
            empty={
              <EmptyState title="No feedback yet">
                <Link to="/feedback">Write the first</Link>, grounded in a pull request.
              </EmptyState>
            }
          >
            {(items) => (
              <ul className="plain">
                {items.map((f) => (
                  <li key={f.id}>
                    <strong>{nameOf(f.authorId)}</strong> about <strong>{nameOf(f.subjectId)}</strong>
                    <span className="hint"> · {new Date(f.createdAt).toLocaleDateString()}</span>
                    <p className="snippet">{f.body}</p>
                  </li>
                ))}
              </ul>
            )}
          </ListBody>
        </Panel>
        <Panel title="OKR progress" to="/okrs">
          <ListBody
            list={objectives}
            label="objectives"
            empty={
              <EmptyState title="No objectives yet">
                <Link to="/okrs">Set one</Link> and link the work that moves it.
              </EmptyState>
            }
          >
            {(items) => (
              <ul className="plain">
                {items.map((o) => {
                  const done = progress(o.keyResults);
                  return (
                    <li key={o.id}>
                      <span>{o.title}</span>
                      <span className="hint"> · {o.period}</span>
                      {done === null ? (
                        <p className="hint">No key results yet</p>
                      ) : (
                        <p className="progress-line">
                          <progress max={1} value={done} aria-label={`Progress of ${o.title}`} /> {Math.round(done * 100)}%
                        </p>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </ListBody>
        </Panel>
        <Panel title="Your recent work" to={`/members/${me}`}>
          <ListBody
            list={work}
            label="your work"
            empty={<EmptyState title="Nothing linked yet">Pull requests you write and work you are linked to show here.</EmptyState>}
          >
            {(items) => (
              <ul className="plain">
                {items.map((c) => (
                  <li key={c.item.id}>
                    <a href={c.item.url} target="_blank" rel="noreferrer">
                      {itemLabel(c.item)}
                    </a>
                    {c.item.state && <span className="badge ok state">{c.item.state}</span>}
                  </li>
                ))}
              </ul>
            )}
          </ListBody>
        </Panel>
      </div>
    </section>
  );
}
