import { ApiFailure, groundworkClient, type GroundworkClient } from "@groundwork/shared-types/client";

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

export const pullRequestFromUrl = () => {
  const q = new URLSearchParams(location.search);
  return { repository: q.get("repository") ?? "", pullrequest: Number(q.get("pullrequest")) };
};
