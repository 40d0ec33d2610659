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

/** A refusal from Groundwork, with its code so the panel can pick the right message. */
export class PanelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function contextToken() {
  return new Promise<string>((resolve, reject) => {
    if (!window.AP) return reject(new PanelError("no_host", "Open this panel from a pull request in Bitbucket."));
    window.AP.context.getToken(resolve);
  });
}

/** Calls Groundwork as the Bitbucket user, with a fresh context token each time (they live minutes). */
export async function callGroundwork<T>(method: "GET" | "POST" | "DELETE", path: string, body?: unknown): Promise<T> {
  const token = await contextToken();
  let res: Response;
  try {
    res = await fetch(`/bitbucket/api${path}`, {
      method,
      headers: { authorization: `JWT ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new PanelError("unreachable", "Groundwork could not be reached. Check your connection and try again.");
  }
  if (res.status === 204) return undefined as T;
  const json = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  if (!res.ok) throw new PanelError(json?.error?.code ?? "unexpected", json?.error?.message ?? `Groundwork answered ${res.status}`);
  return json as T;
}

export const resize = () => window.AP?.resize();

export const pullRequestFromUrl = () => {
  const q = new URLSearchParams(location.search);
  return { repository: q.get("repository") ?? "", pullrequest: q.get("pullrequest") ?? "" };
};
