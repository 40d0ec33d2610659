// How the fake Bitbucket names people and workspaces it knows only by name.

/** A stable uuid for a username, so the same person has the same uuid in the sandbox's panel, comments and sign-in. */
export const bitbucketUserUuid = (name: string) =>
  `{${Buffer.from(name.toLowerCase().padEnd(16, "-").slice(0, 16))
    .toString("hex")
    .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, "$1-$2-$3-$4-$5")}}`;
/** The uuid the fake gives a workspace it knows by slug. */
export const bitbucketWorkspaceUuid = (slug: string) =>
  `{${slug
    .padEnd(8, "0")
    .slice(0, 8)
    .replace(/[^0-9a-f]/g, "a")}-0000-4000-8000-000000000000}`;
