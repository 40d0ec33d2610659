import { Link } from "react-router-dom";
import { z } from "zod";
import { CreateAgendaItemRequest, CreateOneOnOneRequest } from "@groundwork/shared-types";
import { api, data } from "../api";
import { ContextLinks } from "../ContextLinks";
import { ListBody, usePagedList } from "../lists";
import { useMemberName, useSession } from "../session";
import { Empty, EmptyState, ErrorNote, InlineAdd, useFieldError, useSchemaForm } from "../ui";

/** The API's request, with what to tell a person who has not chosen a teammate. */
const StartForm = CreateOneOnOneRequest.extend({
  memberId: z.string().min(1, { message: "Choose a teammate" }).pipe(CreateOneOnOneRequest.shape.memberId),
});

function StartOneOnOne({ onStarted }: { onStarted: () => void }) {
  const { session, members } = useSession();
  const form = useSchemaForm(StartForm, { memberId: "" });
  const { errors, isSubmitting } = form.formState;
  const memberError = useFieldError(errors.memberId?.message);
  return (
    <form
      className="inline"
      aria-label="Start a 1:1"
      noValidate
      onSubmit={form.submitWith(async (body) => {
        await data(api.POST("/api/one-on-ones", { body }));
        form.reset();
        onStarted();
      })}
    >
      <select aria-label="1:1 with" {...form.register("memberId")} {...memberError.field}>
        <option value="">Start a 1:1 with…</option>
        {members
          .filter((m) => m.id !== session?.member.id)
          .map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
      </select>
      <button disabled={isSubmitting}>Start 1:1</button>
      {memberError.note}
      <ErrorNote error={form.failure} />
    </form>
  );
}

export function OneOnOnesPage() {
  const { session, members } = useSession();
  const nameOf = useMemberName();
  const list = usePagedList("/api/one-on-ones");
  const load = list.reload;
  const me = session?.member.id;

  return (
    <section>
      <h1>1:1s</h1>
      <StartOneOnOne onStarted={() => void load()} />
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
                field={CreateAgendaItemRequest.shape.text}
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
