import { useEffect, useMemo, useRef, type ReactNode } from "react";
import { QueryClient, useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { listPage, type ListItem, type ListParams, type ListPath } from "@groundwork/shared-types/client";
import { api, data } from "./api";
import { LoadFailed, Skeleton } from "./ui";

export const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: true } } });

const LIVE_CHECK_MS = 4000;

/**
 * Keeps every list fresh without re-reading them all every few seconds: while the tab is visible
 * it asks one cheap question — did a host change any of the workspace's PRs or work items? — and
 * refetches what is shown only when the answer moves. The caller's own changes refetch where they
 * are made, and other members' when the tab regains focus.
 */
export function useLiveUpdates() {
  const queryClient = useQueryClient();
  const live = useQuery({
    queryKey: ["live"],
    queryFn: () => data(api.GET("/api/live")),
    refetchInterval: () => (document.visibilityState === "visible" ? LIVE_CHECK_MS : false),
  });
  const seen = useRef<string | null>(null);
  const revision = live.data?.revision;
  useEffect(() => {
    if (!revision) return;
    // Only what the API lists (keyed by their path): not one-off reads such as a link code's preview.
    if (seen.current !== null && seen.current !== revision)
      void queryClient.invalidateQueries({ predicate: (q) => typeof q.queryKey[0] === "string" && q.queryKey[0].startsWith("/api/") });
    seen.current = revision;
  }, [revision, queryClient]);
}

/** A list the server hands out a page at a time: the pages read so far, and the next page on demand (see LoadMore). */
export function usePagedList<P extends ListPath>(
  path: P,
  params: ListParams<P> = {},
  enabled = true,
  /** Reread every few seconds while this holds of what is shown (work still under way). */
  pendingWhile?: (items: ListItem<P>[]) => boolean,
) {
  const query = useInfiniteQuery({
    queryKey: [path, params],
    queryFn: ({ pageParam }) => listPage(api, path, params, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: (q) => (pendingWhile && q.state.data && pendingWhile(q.state.data.pages.flatMap((p) => p.items)) ? LIVE_CHECK_MS : false),
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
export type PagedList<P extends ListPath> = ReturnType<typeof usePagedList<P>>;

/** Reads every page of a short list (members of a workspace) for pickers and names. */
export async function allPages<P extends ListPath>(path: P, params: ListParams<P> = {}): Promise<ListItem<P>[]> {
  const items: ListItem<P>[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: ListItem<P>[]; nextCursor: string | null } = await listPage(api, path, params, cursor);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** Loads the next page when it scrolls into view, or when clicked. */
export function LoadMore({ list }: { list: Pick<PagedList<ListPath>, "hasMore" | "loadingMore" | "loadMore"> }) {
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

/**
 * A list's body: a skeleton while its first page loads, the failure with a retry, `empty`
 * (what to do next) once it is known to be empty, else the items and "Load more". Never an
 * empty state before the data is known.
 */
export function ListBody<T>({
  list,
  label,
  empty,
  children,
}: {
  list: Omit<PagedList<ListPath>, "items"> & { items: T[] };
  label: string;
  empty: ReactNode;
  children: (items: T[]) => ReactNode;
}) {
  if (list.loading) return <Skeleton label={label} />;
  if (list.error && list.items.length === 0) return <LoadFailed what={label} error={list.error} retry={() => void list.reload()} />;
  if (list.items.length === 0) return <>{empty}</>;
  return (
    <>
      {children(list.items)}
      <LoadMore list={list} />
    </>
  );
}
