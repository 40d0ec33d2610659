import type { CreateContextLinkRequest, LinkTarget, PullRequestPanelData } from "./api.js";
import { ApiFailure } from "./client.js";

export interface PullRequestPanelState {
  phase: "loading" | "ready" | "error";
  panel: PullRequestPanelData | null;
  /** Why the panel could not load (`code` is the API's error code: "not_a_member", "not_bound", …). */
  error: { code: string; message: string } | null;
  /** What the PR will be attached to, and the note: kept until an add succeeds. */
  target: LinkTarget | null;
  note: string;
  busy: boolean;
  actionError: string | null;
  /** Said to screen readers (and shown) after an action succeeds. */
  announcement: string;
}

export const initialPullRequestPanel: PullRequestPanelState = {
  phase: "loading",
  panel: null,
  error: null,
  target: null,
  note: "",
  busy: false,
  actionError: null,
  announcement: "",
};

/** The panel API of a host, through the typed client (each host has its own paths and authentication). */
export interface PullRequestPanelCalls {
  /** Reads the PR's panel: where it is attached, as whom. */
  load(): Promise<PullRequestPanelData>;
  add(link: CreateContextLinkRequest): Promise<unknown>;
  unlink(linkId: string): Promise<unknown>;
  /** For a host user who is no member by email: a link to confirm in Groundwork. */
  linkAccount(): Promise<{ linkUrl: string }>;
}

/** What a failed call says to the user, with the API's error code ("not_a_member", "not_bound", …). */
export const describeFailure = (err: unknown) =>
  err instanceof ApiFailure ? { code: err.code, message: err.message } : { code: "unexpected", message: "Something went wrong." };

/**
 * What both host panels (the Azure DevOps PR tab on React 16, the Bitbucket panel on React 18)
 * do, kept out of React so they cannot drift: load, choose a target and a note, add (the choice
 * stays when adding fails, so the user can fix and retry), unlink, and link the host account.
 */
export function createPullRequestPanel(calls: PullRequestPanelCalls, onChange: (state: PullRequestPanelState) => void) {
  let state = initialPullRequestPanel;
  const set = (patch: Partial<PullRequestPanelState>) => onChange((state = { ...state, ...patch }));

  async function load() {
    try {
      set({ phase: "ready", panel: await calls.load(), error: null });
    } catch (err) {
      set({ phase: "error", panel: null, error: describeFailure(err) });
    }
  }

  async function act(what: () => Promise<unknown>, done: string) {
    set({ busy: true, actionError: null });
    try {
      await what();
      set({ announcement: done });
      await load();
      return true;
    } catch (err) {
      set({ actionError: describeFailure(err).message });
      return false;
    } finally {
      set({ busy: false });
    }
  }

  return {
    load,
    choose: (target: LinkTarget) => set({ target }),
    setNote: (note: string) => set({ note }),
    async add() {
      const { target, note, panel } = state;
      if (!panel) return;
      if (!target) return set({ actionError: "Choose what to attach this pull request to." });
      const body = { targetType: target.type, targetId: target.id, url: panel.pullRequestUrl, ...(note.trim() ? { note: note.trim() } : {}) };
      if (await act(() => calls.add(body), `Added to ${target.title}`)) set({ target: null, note: "" });
    },
    unlink: (link: { id: string; targetTitle: string }) => act(() => calls.unlink(link.id), `Unlinked from ${link.targetTitle}`).then(() => undefined),
    /** For a host user who is no member by email: a link to confirm in Groundwork (the caller opens it). */
    linkAccount: () => calls.linkAccount().then((r) => r.linkUrl),
  };
}
