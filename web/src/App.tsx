import { useState } from "react";
import { BrowserRouter, Navigate, NavLink, Route, Routes, useLocation, useNavigate } from "react-router-dom";
import { api } from "./api";
import { AddLinkPage } from "./pages/AddLink";
import { AcceptInvitePage, ForgotPasswordPage, LoginPage, ResetPasswordPage, SignupPage, VerifyEmailPage } from "./pages/Auth";
import { CompetenciesPage } from "./pages/Competencies";
import { FeedbackPage } from "./pages/Feedback";
import { HomePage } from "./pages/Home";
import { IntegrationsPage } from "./pages/Integrations";
import { LinkAccountPage } from "./pages/LinkAccount";
import { BindBitbucketPage } from "./pages/BindBitbucket";
import { MembersPage } from "./pages/Members";
import { TimelinePage } from "./pages/Timeline";
import { OneOnOnesPage } from "./pages/OneOnOnes";
import { OkrsPage } from "./pages/Okrs";
import { AssignmentsPage } from "./pages/Assignments";
import { ProfilePage } from "./pages/Profile";
import { SessionProvider, useSession } from "./session";
import { useLiveUpdates } from "./lists";

/** Lists follow what hosts change while a session is open. */
function LiveUpdates() {
  useLiveUpdates();
  return null;
}

function Shell() {
  const { session, setSession } = useSession();
  const nav = useNavigate();
  const location = useLocation();
  // Come back here after logging in (e.g. from a host's "Add this PR to Groundwork" link).
  if (!session) return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return (
    <div className="shell">
      <LiveUpdates />
      <nav aria-label="Main">
        <strong className="brand">Groundwork</strong>
        <span className="workspace">{session.workspace.name}</span>
        <NavLink to="/" end>
          Home
        </NavLink>
        <NavLink to="/feedback">Feedback</NavLink>
        <NavLink to="/one-on-ones">1:1s</NavLink>
        <NavLink to="/okrs">OKRs</NavLink>
        <NavLink to="/competencies">Competencies</NavLink>
        <NavLink to="/assignments">Assignments</NavLink>
        <NavLink to="/members">Members</NavLink>
        {session.member.role === "owner" && <NavLink to="/integrations">Integrations</NavLink>}
        <NavLink to="/profile">Profile</NavLink>
        <button
          className="quiet"
          onClick={() =>
            void api.POST("/api/auth/logout").finally(() => {
              setSession(null);
              nav("/login");
            })
          }
        >
          Log out
        </button>
      </nav>
      <main>
        {session.account.mailEnabled && !session.account.emailVerified && <ConfirmEmailBanner email={session.member.email} />}
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/feedback" element={<FeedbackPage />} />
          <Route path="/one-on-ones" element={<OneOnOnesPage />} />
          <Route path="/okrs" element={<OkrsPage />} />
          <Route path="/competencies" element={<CompetenciesPage />} />
          <Route path="/assignments" element={<AssignmentsPage />} />
          <Route path="/members" element={<MembersPage />} />
          <Route path="/members/:id" element={<TimelinePage />} />
          <Route path="/integrations" element={<IntegrationsPage />} />
          <Route path="/add" element={<AddLinkPage />} />
          <Route path="/link-account" element={<LinkAccountPage />} />
          <Route path="/profile" element={<ProfilePage />} />
          <Route path="/integrations/bitbucket/bind" element={<BindBitbucketPage />} />
          <Route path="*" element={<p>Page not found.</p>} />
        </Routes>
      </main>
    </div>
  );
}

/** Until the address is confirmed, say so, and offer the link again. */
function ConfirmEmailBanner({ email }: { email: string }) {
  const [sent, setSent] = useState(false);
  return (
    <p className="notice" role="note">
      Confirm your email: we sent a link to {email}.{" "}
      {sent ? (
        "Sent again."
      ) : (
        <button className="quiet" onClick={() => void api.POST("/api/auth/verify-email/resend").then(() => setSent(true))}>
          Send it again
        </button>
      )}
    </p>
  );
}

function Gate() {
  const { loading, session } = useSession();
  if (loading) return <p className="loading">Loading…</p>;
  return (
    <Routes>
      <Route path="/signup" element={session ? <Navigate to="/" /> : <SignupPage />} />
      <Route path="/login" element={session ? <Navigate to="/" /> : <LoginPage />} />
      <Route path="/invite/:token" element={<AcceptInvitePage />} />
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/reset-password" element={<ResetPasswordPage />} />
      <Route path="/verify-email" element={<VerifyEmailPage />} />
      <Route path="/*" element={<Shell />} />
    </Routes>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Gate />
      </SessionProvider>
    </BrowserRouter>
  );
}
