import { useState } from "react";
import { Link } from "react-router-dom";

import { api } from "../api";
import { ContextLinks } from "../ContextLinks";
import { ListBody, usePagedList } from "../lists";
import { useMemberName, useSession } from "../session";
import { Empty, EmptyState, ErrorNote, InlineAdd, useAction } from "../ui";

export function OneOnOnesPage() {
  const { session, members } = useSession();
  const nameOf = useMemberName();
  const list = usePagedList("/api/one-on-ones");
  const load = list.reload;
  const [with_, setWith] = useState("");
  const { error, busy, run } = useAction();
  const me = session?.member.id;

  return (
    <section>
      <h1>1:1s</h1>
      <form
        className="inline"
        aria-label="Start a 1:1"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => api.POST("/api/one-on-ones", { body: { memberId: with_ } }).then(load));
        }}
      >
        <select aria-label="1:1 with" value={with_} onChange={(e) => setWith(e.target.value)} required>
          <option value="">Start a 1:1 with…</option>
          {members
            .filter((m) => m.id !== me)
            .map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
        </select>
        <button disabled={busy}>Start 1:1</button>
      </form>
      <ErrorNote error={error} />
      <ListBody
        list={list}
        label="1:1s"
        empty={
          <EmptyState title="No 1:1s yet">
            Start one above with a teammate: you both add topics to its agenda, and attach the work you want to talk about.
            {members.length <= 1 && (
              <>
                {" "}
                First, <Link to="/members">invite your teammates</Link>.
              </>
            )}
          </EmptyState>
        }
      >
        {(items) =>
          items.map((o) => (
            <article key={o.id} className="card" aria-label={`1:1 with ${nameOf(o.memberIds.find((id) => id !== me) ?? "")}`}>
              <h2>1:1 with {nameOf(o.memberIds.find((id) => id !== me) ?? "")}</h2>
              {o.agenda.length === 0 && <Empty>The agenda is empty.</Empty>}
              <ul className="agenda">
                {o.agenda.map((item) => (
                  <li key={item.id}>
                    <label>
                      <input
                        type="checkbox"
                        checked={item.done}
                        onChange={(e) =>
                          void api.PATCH("/api/agenda-items/{id}", { params: { path: { id: item.id } }, body: { done: e.target.checked } }).then(load)
                        }
                      />{" "}
                      <span className={item.done ? "done" : ""}>{item.text}</span>
                    </label>
                    <ContextLinks targetType="agenda_item" targetId={item.id} links={item.links} onChange={() => void load()} />
                  </li>
                ))}
              </ul>
              <InlineAdd
                label="New agenda item"
                placeholder="Add a topic…"
                save={(text) => api.POST("/api/one-on-ones/{id}/agenda-items", { params: { path: { id: o.id } }, body: { text } })}
                onAdded={() => void load()}
              />
            </article>
          ))
        }
      </ListBody>
    </section>
  );
}
