import { adoLinks, type AdoLink } from "./links/ado.js";
import { bitbucketLinks, type BitbucketLink } from "./links/bitbucket.js";
import { MalformedUrl } from "./links/segment.js";

/**
 * Recognises pull request and work item links, each host's in a file of its own under links/.
 * Shared by the backend (to store stable host ids) and the UIs (to check a link as it is typed).
 */
export { adoPullRequestKey, adoPullRequestKeyPrefix, adoPullRequestUrl, adoWorkItemKey, adoWorkItemUrl } from "./links/ado.js";
export { bitbucketPullRequestKey, bitbucketPullRequestKeyPrefix, bitbucketPullRequestUrl } from "./links/bitbucket.js";

export type ContextItemKind = "pull_request" | "work_item";

/** Every host whose links Groundwork recognises: a host adds its file under links/ and a line here. */
const HOST_LINKS = [adoLinks, bitbucketLinks] as const;
export type ParsedContextUrl = AdoLink | BitbucketLink;

/** The hosts Groundwork connects to, as items, account links and the API name them. */
export const HOST_NAMES = [adoLinks.name, bitbucketLinks.name] as const;
export type HostName = (typeof HOST_NAMES)[number];

export const CONTEXT_URL_EXAMPLES = HOST_LINKS.flatMap((h) => h.examples);

/** Returns null when the URL is not a recognised PR or work item link. */
export function parseContextUrl(input: string): ParsedContextUrl | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  try {
    for (const host of HOST_LINKS) {
      const found = host.recognise(url);
      if (found) return found;
    }
    return null;
  } catch (err) {
    if (err instanceof MalformedUrl) return null;
    throw err;
  }
}
