import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router-dom";
import { z } from "zod";
import { CreateAgendaItemRequest, CreateOneOnOneRequest, type OneOnOne, type TimelineEntry } from "@groundwork/shared-types";
import { THEME_LABELS } from "@groundwork/shared-types/labels";
import { api, data } from "../api";
import { itemLabel } from "../ContextCard";
import { ContextLinks } from "../ContextLinks";
import { ListBody, usePagedList } from "../lists";
import { useMemberName, useSession } from "../session";
import { Empty, EmptyState, ErrorNote, InlineAdd, useAction, useFieldError, useSchemaForm } from "../ui";
import { KIND_LABELS } from "./Timeline";
import { AssignmentMilestones } from "../AssignmentMilestones";

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

/**
 * The other person's work since the 1:1 was last held (or started): each item one click from the
 * agenda, attached to the topic it becomes; "Held today" moves the start to now.
 */
function SinceLast({ oneOnOne, name, onChange }: { oneOnOne: OneOnOne; name: string; onChange: () => void }) {
  const since = useQuery({
    queryKey: ["/api/one-on-ones/{id}/since-last", oneOnOne.id, oneOnOne.lastHeldAt],
    queryFn: () => data(api.GET("/api/one-on-ones/{id}/since-last", { params: { path: { id: oneOnOne.id } } })),
  });
  const { error, busy, run } = useAction();
  const onAgenda = new Set(oneOnOne.agenda.flatMap((a) => a.links.map((l) => l.item.id)));
  const addToAgenda = (entry: TimelineEntry) =>
    run(async () => {
      const title = itemLabel(entry.item);
      const topic = await data(
        api.POST("/api/one-on-ones/{id}/agenda-items", { params: { path: { id: oneOnOne.id } }, body: { text: `${KIND_LABELS[entry.kind]}: ${title}` } }),
      );
      await data(api.POST("/api/context-links", { body: { targetType: "agenda_item", targetId: topic.id, url: entry.item.url } }));
      onChange();
    });
  const from = oneOnOne.lastHeldAt && new Date(oneOnOne.lastHeldAt).toLocaleDateString();
  return (
    <section className="since-last" aria-label="Since your last 1:1">
      <h3>
        {from ? `Since your last 1:1 (${from})` : "In the last 30 days (no 1:1 held yet)"}
        <button
          type="button"
          className="quiet"
          disabled={busy}
          onClick={() => void run(async () => data(api.POST("/api/one-on-ones/{id}/held", { params: { path: { id: oneOnOne.id } } }))).then(onChange)}
        >
          Held today
        </button>
      </h3>
      <ErrorNote error={error} />
      {since.data && since.data.entries.length === 0 && since.data.assignments.length === 0 && <p className="hint">Nothing new from {name} in that time.</p>}
      {since.data && <AssignmentMilestones events={since.data.assignments} label={`${name}'s growth assignments since then`} />}
      {since.data && since.data.entries.length > 0 && (
        <ul>
          {since.data.entries.map((e, i) => (
            <li key={`${e.kind}-${e.item.id}-${i}`}>
              <span>
                <strong>{KIND_LABELS[e.kind]}</strong> {itemLabel(e.item)}
                {e.item.insight && e.item.insight.themes.length > 0 && (
                  <span className="hint"> · {e.item.insight.themes.map((t) => THEME_LABELS[t.theme]).join(", ")}</span>
                )}
              </span>
              {onAgenda.has(e.item.id) ? (
                <span className="hint">on the agenda</span>
              ) : (
                <button
                  type="button"
                  className="quiet"
                  disabled={busy}
                  onClick={() => void addToAgenda(e)}
                  aria-label={`Add ${itemLabel(e.item)} to the agenda`}
                >
                  Add to agenda
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {since.data && since.data.more > 0 && (
        <p className="hint">
          And {since.data.more} more on <Link to={`/members/${since.data.memberId}`}>{name}&apos;s work over time</Link>.
        </p>
      )}
    </section>
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
              <SinceLast oneOnOne={o} name={nameOf(o.memberIds.find((id) => id !== me) ?? "")} onChange={() => void load()} />
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
