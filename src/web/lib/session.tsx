/**
 * @module web/lib/session
 * Who is signed in: loaded from `GET /api/auth/me`, changed by sign-in and sign-out. Also answers what the
 * interface should offer (edit buttons, owner choices); the API still decides every write.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { z } from "zod";
import type { ZMe } from "../../auth/auth.schema.ts";
import { api } from "./api.ts";

export type Me = z.infer<typeof ZMe>;
export type SessionUser = NonNullable<Me["user"]>;

interface SessionValue {
  /** undefined until the first answer from the server. */
  me: Me | undefined;
  user: SessionUser | null;
  signIn(email: string, password: string): Promise<Me>;
  signOut(): Promise<void>;
  /** Replaces the session after the server changed it (e.g. the saved language). */
  update(me: Me): void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | undefined>(undefined);
  useEffect(() => {
    api<Me>("GET", "/api/auth/me").then(setMe, () => setMe({ signedIn: false, user: null }));
  }, []);
  const signIn = useCallback(async (email: string, password: string) => {
    const next = await api<Me>("POST", "/api/auth/sign-in", { email, password });
    setMe(next);
    return next;
  }, []);
  const signOut = useCallback(async () => {
    await api<void>("POST", "/api/auth/sign-out");
    setMe({ signedIn: false, user: null });
  }, []);
  const value = useMemo<SessionValue>(() => ({ me, user: me?.user ?? null, signIn, signOut, update: setMe }), [me, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}

/** Organisations the user may write for (admin or staff), as the API's write rule has it. */
export function writableMemberships(user: SessionUser | null): SessionUser["memberships"] {
  return (user?.memberships ?? []).filter((m) => m.role === "admin" || m.role === "staff");
}

/** Whether to offer editing a record owned by `ownerOrgId`. */
export function canEdit(user: SessionUser | null, ownerOrgId: string | null | undefined): boolean {
  if (!user) return false;
  if (user.isSystemAdmin) return true;
  return !!ownerOrgId && writableMemberships(user).some((m) => m.orgId === ownerOrgId);
}

/** Whether to offer creating records at all. */
export function canCreate(user: SessionUser | null): boolean {
  return !!user && (user.isSystemAdmin || writableMemberships(user).length > 0);
}
