import type { LinkTarget, Page } from "./api.js";

export interface LinkTargetSearchState {
  query: string;
  results: LinkTarget[];
  /** More results exist for this query: `more()` reads them. */
  hasMore: boolean;
  loading: boolean;
  error: string | null;
}

export const initialLinkTargetSearch: LinkTargetSearchState = { query: "", results: [], hasMore: false, loading: true, error: null };

/**
 * The type-ahead behind every "Attach to" picker (web, Azure DevOps tab, Bitbucket panel), kept
 * out of React so the three UIs, on two React versions, share it: searches as the user types
 * (debounced), reads further pages on demand, and drops answers to queries already replaced.
 */
/** A page of link targets: the first 20 matching `q`, or those after `cursor`. */
export type LinkTargetQuery = { limit: number; q?: string; cursor?: string };

export function createLinkTargetSearch(
  fetchPage: (query: LinkTargetQuery) => Promise<Page<LinkTarget>>,
  onChange: (state: LinkTargetSearchState) => void,
  debounceMs = 200,
) {
  let state = initialLinkTargetSearch;
  let cursor: string | null = null;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const set = (patch: Partial<LinkTargetSearchState>) => onChange((state = { ...state, ...patch }));

  async function read(append: boolean) {
    const mine = ++generation;
    set({ loading: true, error: null });
    const params: LinkTargetQuery = { limit: 20, ...(state.query ? { q: state.query } : {}), ...(append && cursor ? { cursor } : {}) };
    try {
      const page = await fetchPage(params);
      if (mine !== generation) return;
      cursor = page.nextCursor;
      set({ results: append ? [...state.results, ...page.items] : page.items, hasMore: page.nextCursor !== null, loading: false });
    } catch (err) {
      if (mine === generation) set({ loading: false, error: (err as Error).message || "Could not search Groundwork" });
    }
  }

  return {
    /** A new query (the first read is immediate when `now`). */
    search(query: string, now = false) {
      clearTimeout(timer);
      set({ query });
      if (now) void read(false);
      else timer = setTimeout(() => void read(false), debounceMs);
    },
    more: () => void read(true),
    dispose() {
      clearTimeout(timer);
      generation++;
    },
  };
}
