import { ContextSearchQuery, ContextSearchResult, type FoundItem } from "@groundwork/shared-types";
import { route } from "../http/route.js";
import { HostCallError } from "../hosts/adapter.js";

/** A person is typing: a host slower than this is named unavailable rather than holding up the others. */
const SEARCH_TIMEOUT_MS = 8_000;
const SHOWN = 20;

async function withinTime<T>(work: Promise<T>) {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HostCallError("unreachable", "it took too long to answer")), SEARCH_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Hosts write times differently (`…Z`, `…+00:00`, with or without fractions): compared as instants. */
const when = (item: FoundItem) => (item.updatedAt ? Date.parse(item.updatedAt) || 0 : 0);
const newestFirst = (a: FoundItem, b: FoundItem) => when(b) - when(a);

export const contextSearchRoutes = [
  route({
    method: "get",
    path: "/api/context-search",
    summary: "Find recent pull requests and work items on the workspace's connected hosts, to attach one without pasting its link",
    tag: "Context",
    access: "member",
    query: ContextSearchQuery,
    response: ContextSearchResult,
    handler: async ({ query }, ctx) => {
      const answers = await Promise.all(
        ctx.services.hosts
          .filter((h) => h.findItems)
          .map(async (host) => {
            try {
              return { items: await withinTime(host.findItems!(ctx, query.q)), unavailable: [] };
            } catch (err) {
              ctx.log.warn({ err, host: host.name }, "a connected host could not be searched");
              const message = err instanceof HostCallError ? err.message : "it could not be searched just now";
              return { items: [], unavailable: [{ host: host.name as FoundItem["host"], message }] };
            }
          }),
      );
      return {
        items: answers
          .flatMap((a) => a.items)
          .sort(newestFirst)
          .slice(0, SHOWN),
        unavailable: answers.flatMap((a) => a.unavailable),
      };
    },
  }),
];
