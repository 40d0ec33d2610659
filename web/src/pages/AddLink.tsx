import { useEffect, useState } from "react";
import { useSearchParams } from "react-router-dom";
import type { Competency, Feedback, LinkTargetType, Objective, OneOnOne } from "@groundwork/shared-types";
import { parseContextUrl } from "@groundwork/shared-types/contextUrl";
import { api } from "../api";
import { useMemberName, useSession } from "../session";
import { Empty, ErrorNote, Field, Form, useAction } from "../ui";

interface Target {
  type: LinkTargetType;
  id: string;
  label: string;
}

/** Where a host's "Add this PR to Groundwork" status link lands: pick what to attach it to. */
export function AddLinkPage() {
  const [params] = useSearchParams();
  const url = params.get("url") ?? "";
  const parsed = parseContextUrl(url);
  const { session } = useSession();
  const nameOf = useMemberName();
  const [targets, setTargets] = useState<{ group: string; items: Target[] }[]>([]);
  const [choice, setChoice] = useState("");
  const [note, setNote] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const { error, busy, run } = useAction();
  const me = session?.member.id;

  useEffect(() => {
    void run(async () => {
      const [feedback, oneOnOnes, objectives, competencies] = await Promise.all([
        api<Feedback[]>("GET", "/api/feedback"),
        api<OneOnOne[]>("GET", "/api/one-on-ones"),
        api<Objective[]>("GET", "/api/objectives"),
        api<Competency[]>("GET", "/api/competencies"),
      ]);
      setTargets([
        { group: "Feedback", items: feedback.map((f) => ({ type: "feedback", id: f.id, label: `About ${nameOf(f.subjectId)}: ${f.body.slice(0, 60)}` })) },
        {
          group: "1:1 agendas",
          items: oneOnOnes.flatMap((o) =>
            o.agenda.map((a) => ({ type: "agenda_item" as const, id: a.id, label: `With ${nameOf(o.memberIds.find((m) => m !== me) ?? "")}: ${a.text}` })),
          ),
        },
        {
          group: "OKRs",
          items: objectives.flatMap((o) => [
            { type: "objective" as const, id: o.id, label: `${o.period} · ${o.title}` },
            ...o.keyResults.map((k) => ({ type: "key_result" as const, id: k.id, label: `${o.title} → ${k.title}` })),
          ]),
        },
        { group: "Competencies", items: competencies.map((c) => ({ type: "competency", id: c.id, label: c.name })) },
      ]);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [me]);

  if (!parsed)
    return (
      <section>
        <h1>Add to Groundwork</h1>
        <p className="error">This link does not name a pull request or work item Groundwork knows: {url || "(none)"}</p>
      </section>
    );
  const all = targets.flatMap((g) => g.items);
  return (
    <section>
      <h1>Add to Groundwork</h1>
      <p>
        <a href={parsed.canonicalUrl} target="_blank" rel="noreferrer">
          {parsed.canonicalUrl}
        </a>
      </p>
      {done ? (
        <p className="notice" role="status">
          Added to {done}.
        </p>
      ) : all.length === 0 ? (
        <Empty>Nothing to attach it to yet: write feedback, add an agenda item or set an OKR first.</Empty>
      ) : (
        <Form
          label="Add to Groundwork"
          onSubmit={() => {
            const target = all.find((t) => `${t.type}:${t.id}` === choice);
            if (!target) return;
            void run(async () => {
              await api("POST", "/api/context-links", { targetType: target.type, targetId: target.id, url, ...(note ? { note } : {}) });
              setDone(target.label);
            });
          }}
        >
          <Field label="Attach to">
            <select value={choice} onChange={(e) => setChoice(e.target.value)} required>
              <option value="">Choose…</option>
              {targets
                .filter((g) => g.items.length)
                .map((g) => (
                  <optgroup key={g.group} label={g.group}>
                    {g.items.map((t) => (
                      <option key={t.id} value={`${t.type}:${t.id}`}>
                        {t.label}
                      </option>
                    ))}
                  </optgroup>
                ))}
            </select>
          </Field>
          <Field label="Note (optional)">
            <input value={note} onChange={(e) => setNote(e.target.value)} />
          </Field>
          <button disabled={busy}>Add</button>
        </Form>
      )}
      <ErrorNote error={error} />
    </section>
  );
}
