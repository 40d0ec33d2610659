import { ApiFailure, data, groundworkClient, type GroundworkClient } from "@groundwork/shared-types/client";
import type { PanelHost } from "./PullRequestPanel";

/** The slice of the host's Connect JavaScript API (all.js) the panel uses. */
interface AP {
  context: { getToken(callback: (token: string) => void): void };
  resize(width?: string, height?: string): void;
}
declare global {
  interface Window {
    AP?: AP;
  }
}

function contextToken() {
  return new Promise<string>((resolve, reject) => {
    if (!window.AP) return reject(new ApiFailure(0, "no_host", "Open this panel from a pull request in Bitbucket."));
    window.AP.context.getToken(resolve);
  });
}

/** Groundwork's panel API as the Bitbucket user, with a fresh context token on each call (they live minutes). */
export const groundwork: GroundworkClient = groundworkClient({
  headers: async () => ({ authorization: `JWT ${await contextToken()}` }),
});

export const resize = () => window.AP?.resize();

const pullRequestFromUrl = () => {
  const q = new URLSearchParams(location.search);
  return { repository: q.get("repository") ?? "", pullrequest: Number(q.get("pullrequest")) };
};

/** The panel in the Connect app: the page's URL names its pull request and never changes. */
export const connectHost: PanelHost = {
  calls: {
    load: () => data(groundwork.GET("/bitbucket/api/pull-request", { params: { query: pullRequestFromUrl() } })),
    add: (body) => data(groundwork.POST("/bitbucket/api/context-links", { body })),
    unlink: (id) => data(groundwork.DELETE("/bitbucket/api/context-links/{id}", { params: { path: { id } } })),
    linkAccount: () => data(groundwork.POST("/bitbucket/api/account-link")),
  },
  searchTargets: (query) => data(groundwork.GET("/bitbucket/api/link-targets", { params: { query } })),
  resize,
};
