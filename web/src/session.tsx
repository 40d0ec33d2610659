import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import type { Member, Session } from "@groundwork/shared-types";
import { api, ApiFailure, data, setCsrfToken } from "./api";
import { allPages } from "./lists";

interface SessionState {
  session: Session | null;
  loading: boolean;
  members: Member[];
  setSession(s: Session | null): void;
  refreshMembers(): Promise<void>;
}

const Ctx = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, keepSession] = useState<Session | null>(null);
  // Every session answer (sign-up, login, invite accepted, the session itself) carries the CSRF token changes need.
  const setSession = useCallback((s: Session | null) => {
    setCsrfToken(s?.csrfToken ?? "");
    keepSession(s);
  }, []);
  const [members, setMembers] = useState<Member[]>([]);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    data(api.GET("/api/auth/session"))
      .then(setSession)
      .catch((e) => {
        if (!(e instanceof ApiFailure && e.status === 401)) console.error(e);
      })
      .finally(() => setLoading(false));
  }, [setSession]);

  const refreshMembers = useCallback(async () => {
    setMembers(await allPages("/api/members", { query: { limit: 200 } }));
  }, []);
  useEffect(() => {
    if (session) void refreshMembers();
  }, [session, refreshMembers]);

  return <Ctx.Provider value={{ session, loading, members, setSession, refreshMembers }}>{children}</Ctx.Provider>;
}

export function useSession() {
  const s = useContext(Ctx);
  if (!s) throw new Error("useSession outside SessionProvider");
  return s;
}

export function useMemberName() {
  const { members } = useSession();
  return (id: string) => members.find((m) => m.id === id)?.name ?? "someone";
}
