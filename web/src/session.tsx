import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import type { Member, Session } from "@groundwork/shared-types";
import { api, ApiFailure } from "./api";
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
  const [session, setSession] = useState<Session | null>(null);
  const [members, setMembers] = useState<Member[]>([]);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    api<Session>("GET", "/api/auth/session")
      .then(setSession)
      .catch((e) => {
        if (!(e instanceof ApiFailure && e.status === 401)) console.error(e);
      })
      .finally(() => setLoading(false));
  }, []);

  const refreshMembers = useCallback(async () => {
    setMembers(await allPages<Member>("/api/members?limit=200"));
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
