/** A link's path segment, decoded; a malformed %-escape makes the link unrecognisable rather than an error. */
export class MalformedUrl extends Error {}

export const segment = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new MalformedUrl();
  }
};
