import { Link } from "react-router-dom";
import type { AssignmentEvent } from "@groundwork/shared-types";

export const MILESTONE_LABELS: Record<AssignmentEvent["event"], string> = { agreed: "Took on", started: "Started work on", done: "Finished" };

/** A member's growth assignments as milestones (took on, started the work, finished), in their timeline and their 1:1s. */
export function AssignmentMilestones({ events, label }: { events: AssignmentEvent[]; label: string }) {
  if (events.length === 0) return null;
  return (
    <ul className="assignment-milestones" aria-label={label}>
      {events.map((e) => (
        <li key={`${e.event}-${e.assignment.id}`}>
          <strong>{MILESTONE_LABELS[e.event]}</strong> <Link to="/assignments">{`${e.assignment.key} · ${e.assignment.title}`}</Link>{" "}
          <time className="hint" dateTime={e.at}>
            {new Date(e.at).toLocaleDateString()}
          </time>
          {e.assignment.pullRequestUrl && e.event !== "agreed" && (
            <>
              {" "}
              ·{" "}
              <a href={e.assignment.pullRequestUrl} target="_blank" rel="noreferrer">
                its pull request
              </a>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
