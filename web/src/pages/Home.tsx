import { Link } from "react-router-dom";
import { useSession } from "../session";

export function HomePage() {
  const { session, members } = useSession();
  if (!session) return null;
  return (
    <section>
      <h1>Welcome, {session.member.name}</h1>
      <p>
        {session.workspace.name} has {members.length} member{members.length === 1 ? "" : "s"}.
      </p>
      <ul className="tiles">
        <li>
          <Link to="/feedback">Feedback</Link> — say what went well, with the PRs that show it.
        </li>
        <li>
          <Link to="/one-on-ones">1:1s</Link> — a shared agenda for each pair.
        </li>
        <li>
          <Link to="/okrs">OKRs</Link> — objectives and key results, linked to the work behind them.
        </li>
        <li>
          <Link to="/competencies">Competencies</Link> — your career framework and assessments.
        </li>
        <li>
          <Link to={`/members/${session.member.id}`}>My contributions</Link> — your linked work over time.
        </li>
      </ul>
    </section>
  );
}
