import { useEffect, useMemo, useRef } from "react";
import { QueryClient, useInfiniteQuery } from "@tanstack/react-query";
import type { Page } from "@groundwork/shared-types";
import { api } from "./api";

export const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: true } } });

const LIVE_RELOAD_MS = 4000;
const pagePath = (path: string, cursor: string | null) => (cursor ? `${path}${path.includes("?") ? "&" : "?"}cursor=${encodeURIComponent(cursor)}` : path);

/**
 * A list the server hands out a page at a time: the pages read so far, kept fresh while the tab
 * is visible, and the next page on demand (see LoadMore).
 */
export function usePagedList<T>(path: string, enabled = true) {
  const query = useInfiniteQuery({
    queryKey: [path],
    queryFn: ({ pageParam }) => api<Page<T>>("GET", pagePath(path, pageParam)),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: () => (document.visibilityState === "visible" ? LIVE_RELOAD_MS : false),
    enabled,
  });
  const items = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  return {
    items,
    loading: query.isPending && enabled,
    error: query.error,
    reload: () => query.refetch(),
    hasMore: query.hasNextPage,
    loadingMore: query.isFetchingNextPage,
    loadMore: () => void query.fetchNextPage(),
  };
}
export type PagedList<T> = ReturnType<typeof usePagedList<T>>;

/** Reads every page of a short list (members of a workspace) for pickers and names. */
export async function allPages<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await api<Page<T>>("GET", pagePath(path, cursor));
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** Loads the next page when it scrolls into view, or when clicked. */
export function LoadMore({ list }: { list: Pick<PagedList<unknown>, "hasMore" | "loadingMore" | "loadMore"> }) {
  const ref = useRef<HTMLButtonElement>(null);
  const { hasMore, loadMore } = list;
  useEffect(() => {
    if (!hasMore || !ref.current || typeof IntersectionObserver === "undefined") return;
    const seen = new IntersectionObserver(([entry]) => entry?.isIntersecting && loadMore());
    seen.observe(ref.current);
    return () => seen.disconnect();
  }, [hasMore, loadMore]);
  if (!hasMore) return null;
  return (
    <button ref={ref} type="button" className="secondary load-more" onClick={loadMore} disabled={list.loadingMore}>
      {list.loadingMore ? "Loading…" : "Load more"}
    </button>
  );
}
