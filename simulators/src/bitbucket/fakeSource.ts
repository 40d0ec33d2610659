import { createHash, randomUUID } from "node:crypto";
import type { FakeRequest, FakeResponse, FakeRoute } from "../fakeHost.js";
import type { BitbucketPullRequest } from "@groundwork/backend/hosts/bitbucket/client";

/**
 * A repository's branches and commits in the fake Bitbucket workspace, for what Start work writes
 * (developer.atlassian.com/cloud/bitbucket/rest, from the 2.0 OpenAPI's operation descriptions):
 * - `GET /repositories/{ws}/{slug}`: the repository, with `mainbranch`;
 * - `GET …/refs/branches/{name}`: a branch and its head (`target.hash`), 404 when there is none;
 * - `GET …/src/{commit}/{path}?format=meta`: a file's meta data (`commit_file`), 404 when absent;
 * - `POST …/src` (form fields: a file per path, `message`, `branch`, `parents`): one commit. On an
 *   existing branch a given parent must be its head, else 409; a new branch starts at the parent
 *   (the main branch's head without one). 201, empty, with the new commit in `Location` (as
 *   terraform-provider-bitbucket's commit_file reads it);
 * - `POST …/pullrequests` (`title`, `source.branch.name`, optional `destination`, `description`,
 *   `reviewers: [{uuid}]`) and `PUT …/pullrequests/{id}`, refusing reviewers with 400
 *   `fields.reviewers` in the words Bitbucket uses (as Renovate's bitbucket platform matches them:
 *   "Malformed reviewers list", "… is not a member of this workspace …", "… is the author …").
 */
export interface FakeBitbucketSource {
  mainbranch: string;
  /** Branch name → its head commit. */
  branches: Record<string, string>;
  commits: Record<string, { parents: string[]; message: string; files: Record<string, string> }>;
}

export type FakeAccount = { uuid: string; display_name: string; account_id: string };

/** What the workspace's fake shares with its source and pull request writes. */
export interface FakeSourceHost {
  sources: () => Record<string, FakeBitbucketSource>;
  pullRequests: () => { workspace: string; slug: string; pr: BitbucketPullRequest }[];
  repository: (req: FakeRequest) => { workspace: string; slug: string; uuid: string } | null;
  /** Who the caller acts as: the author of what it makes. */
  author: (req: FakeRequest) => FakeAccount;
  /** Accounts Bitbucket knows, and whether one is a member of a workspace. */
  account: (uuid: string) => FakeAccount | null;
  isMember: (workspace: string, uuid: string) => boolean;
  /** A commit hash the build status and commit routes know from now on. */
  remember: (hash: string) => void;
  ok: (req: FakeRequest, response: FakeResponse) => FakeResponse;
  error: (status: number, message: string, extra?: Record<string, unknown>) => FakeResponse;
}

const commitHash = () => createHash("sha1").update(randomUUID()).digest("hex");
const same = (a: string | undefined, b: string | undefined) => a?.toLowerCase() === b?.toLowerCase();
/** The fields of a `POST …/src` that are not files (unless written with a leading slash). */
const META_FIELDS = new Set(["message", "author", "parents", "files", "branch"]);

/** A repository's source, made on first use: `main` with a README. */
export function sourceOf(all: Record<string, FakeBitbucketSource>, workspace: string, slug: string): FakeBitbucketSource {
  const key = `${workspace}/${slug}`.toLowerCase();
  if (!all[key]) {
    const root = createHash("sha1").update(`root:${key}`).digest("hex");
    all[key] = {
      mainbranch: "main",
      branches: { main: root },
      commits: { [root]: { parents: [], message: "Initial commit", files: { "README.md": "# Read me\n" } } },
    };
  }
  return all[key];
}

export function sourceWriteRoutes(host: FakeSourceHost): FakeRoute[] {
  const base = "/2.0/repositories/:workspace/:repo";
  const withRepository = (req: FakeRequest, ok: (r: { workspace: string; slug: string; uuid: string }, source: FakeBitbucketSource) => FakeResponse) => {
    const r = host.repository(req);
    if (!r) return host.error(404, "Repository not found");
    const source = sourceOf(host.sources(), r.workspace, r.slug);
    host.remember(source.branches[source.mainbranch]!);
    return ok(r, source);
  };
  const html = (r: { workspace: string; slug: string }, rest: string) => ({ href: `https://bitbucket.org/${r.workspace}/${r.slug}${rest}` });
  const user = (a: FakeAccount) => ({ type: "user", ...a });

  /** The refusal for reviewers Bitbucket would not add, or null when all of them can be. */
  const refusedReviewers = (workspace: string, author: FakeAccount, reviewers: unknown): FakeResponse | null => {
    if (reviewers === undefined) return null;
    const uuids = Array.isArray(reviewers) ? reviewers.map((r) => (r as { uuid?: unknown } | null)?.uuid) : [null];
    const messages: string[] = [];
    for (const uuid of uuids) {
      const account = typeof uuid === "string" ? host.account(uuid) : null;
      if (!account) messages.push("Malformed reviewers list");
      else if (same(account.uuid, author.uuid)) messages.push(`${account.display_name} is the author and cannot be included as a reviewer.`);
      else if (!host.isMember(workspace, account.uuid))
        messages.push(`${account.display_name} is not a member of this workspace and cannot be added to this pull request`);
    }
    const unique = [...new Set(messages)];
    return unique.length ? host.error(400, `reviewers: ${unique.join(" ")}`, { fields: { reviewers: unique } }) : null;
  };
  const reviewerAccounts = (reviewers: unknown) => ((reviewers ?? []) as { uuid: string }[]).map((r) => host.account(r.uuid)!);

  return [
    {
      method: "GET",
      path: base,
      handle: (req) =>
        withRepository(req, (r, source) =>
          host.ok(req, {
            status: 200,
            body: {
              type: "repository",
              uuid: r.uuid,
              slug: r.slug,
              name: r.slug,
              full_name: `${r.workspace}/${r.slug}`,
              scm: "git",
              mainbranch: { type: "branch", name: source.mainbranch },
              links: { html: html(r, "") },
            },
          }),
        ),
    },
    {
      method: "GET",
      path: `${base}/refs/branches/:name`,
      handle: (req) =>
        withRepository(req, (r, source) => {
          const hash = source.branches[req.params.name!];
          if (!hash) return host.error(404, `Branch "${req.params.name}" not found`);
          return host.ok(req, {
            status: 200,
            body: {
              type: "branch",
              name: req.params.name,
              target: { type: "commit", hash, message: source.commits[hash]!.message, parents: source.commits[hash]!.parents.map((p) => ({ hash: p })) },
              links: { html: html(r, `/branch/${req.params.name}`) },
            },
          });
        }),
    },
    {
      method: "GET",
      path: `${base}/src/:commit/:path*`,
      handle: (req) =>
        withRepository(req, (r, source) => {
          const hash = source.branches[req.params.commit!] ?? (source.commits[req.params.commit!] ? req.params.commit! : null);
          if (!hash) return host.error(404, `Commit not found: ${req.params.commit}`);
          const path = req.params.path!.replace(/^\/+/, "");
          const content = source.commits[hash]!.files[path];
          if (content === undefined) return host.error(404, `No such file or directory: ${path}`);
          if (req.query.get("format") !== "meta") return host.ok(req, { status: 200, headers: { "content-type": "application/octet-stream" }, body: content });
          return host.ok(req, {
            status: 200,
            body: { type: "commit_file", path, commit: { type: "commit", hash }, attributes: [], size: Buffer.byteLength(content) },
          });
        }),
    },
    {
      method: "POST",
      path: `${base}/src`,
      handle: (req) =>
        withRepository(req, (r, source) => {
          if (!/^application\/x-www-form-urlencoded/.test(req.headers["content-type"] ?? ""))
            return host.error(400, "This endpoint takes multipart/form-data or application/x-www-form-urlencoded");
          const form = new URLSearchParams(req.body);
          if (form.getAll("branch").length > 1) return host.error(400, "The branch field cannot be repeated");
          const branch = form.get("branch") ?? source.mainbranch;
          const parents = (form.get("parents") ?? "").split(",").filter(Boolean);
          const head = source.branches[branch];
          if (parents.some((p) => !source.commits[p])) return host.error(400, `parents: commit not found`);
          if (head && parents.length && parents[0] !== head) return host.error(409, `The parent ${parents[0]} is not the head of ${branch}`);
          const parent = head ?? parents[0] ?? source.branches[source.mainbranch]!;
          const files = { ...source.commits[parent]!.files };
          for (const [name, value] of form) if (name.startsWith("/") || !META_FIELDS.has(name)) files[name.replace(/^\/+/, "")] = value;
          for (const removed of form.getAll("files"))
            if (!form.has(removed) && !form.has(`/${removed.replace(/^\/+/, "")}`)) delete files[removed.replace(/^\/+/, "")];
          const hash = commitHash();
          source.commits[hash] = { parents: [parent], message: form.get("message") ?? "Edited online with Bitbucket", files };
          source.branches[branch] = hash;
          host.remember(hash);
          // A branch's open pull requests follow its head.
          for (const p of host.pullRequests())
            if (same(p.workspace, r.workspace) && same(p.slug, r.slug) && p.pr.state === "OPEN" && p.pr.source?.branch?.name === branch)
              p.pr.source = { ...p.pr.source, commit: { hash: hash.slice(0, 12) } };
          return host.ok(req, { status: 201, headers: { location: `https://api.bitbucket.org/2.0/repositories/${r.workspace}/${r.slug}/commit/${hash}` } });
        }),
    },
    {
      method: "POST",
      path: `${base}/pullrequests`,
      handle: (req) =>
        withRepository(req, (r, source) => {
          const body = JSON.parse(req.body || "{}") as {
            title?: string;
            description?: string;
            source?: { branch?: { name?: string } };
            destination?: { branch?: { name?: string } };
            reviewers?: unknown;
          };
          if (!body.title) return host.error(400, "title: This field is required.", { fields: { title: ["This field is required."] } });
          const from = body.source?.branch?.name;
          const to = body.destination?.branch?.name ?? source.mainbranch;
          if (!from || !source.branches[from]) return host.error(400, `source: branch not found: ${from ?? ""}`, { fields: { source: ["branch not found"] } });
          if (!source.branches[to]) return host.error(400, `destination: branch not found: ${to}`, { fields: { destination: ["branch not found"] } });
          if (from === to) return host.error(400, "source and destination branches must be different");
          const author = host.author(req);
          const refused = refusedReviewers(r.workspace, author, body.reviewers);
          if (refused) return refused;
          const mine = host.pullRequests().filter((p) => same(p.workspace, r.workspace) && same(p.slug, r.slug));
          if (mine.some((p) => p.pr.state === "OPEN" && p.pr.source?.branch?.name === from && p.pr.destination?.branch?.name === to))
            return host.error(400, `There is already an open pull request from ${from} to ${to}`);
          const id = Math.max(0, ...mine.map((p) => p.pr.id)) + 1;
          const now = new Date().toISOString();
          const reviewers = reviewerAccounts(body.reviewers);
          const repository = { full_name: `${r.workspace}/${r.slug}` };
          const pr: BitbucketPullRequest = {
            id,
            title: body.title,
            description: body.description ?? "",
            state: "OPEN",
            author: user(author),
            created_on: now,
            updated_on: now,
            source: { branch: { name: from }, commit: { hash: source.branches[from]!.slice(0, 12) }, repository },
            destination: { branch: { name: to }, commit: { hash: source.branches[to]!.slice(0, 12) }, repository },
            reviewers: reviewers.map(user),
            participants: reviewers.map((a) => ({ user: user(a), role: "REVIEWER", approved: false, state: null })),
            links: { html: html(r, `/pull-requests/${id}`) },
          };
          host.pullRequests().push({ workspace: r.workspace, slug: r.slug, pr });
          return host.ok(req, { status: 201, body: { type: "pullrequest", ...pr } });
        }),
    },
    {
      method: "PUT",
      path: `${base}/pullrequests/:id`,
      // Mutates an open pull request; reviewers left out are cleared (as Renovate's bitbucket platform notes).
      handle: (req) =>
        withRepository(req, (r) => {
          const found = host.pullRequests().find((p) => same(p.workspace, r.workspace) && same(p.slug, r.slug) && p.pr.id === Number(req.params.id));
          if (!found) return host.error(404, "Pull request not found");
          if (found.pr.state !== "OPEN") return host.error(400, "Only open pull requests can be updated");
          const body = JSON.parse(req.body || "{}") as { title?: string; description?: string; reviewers?: unknown };
          const refused = refusedReviewers(r.workspace, host.account(found.pr.author?.uuid ?? "") ?? host.author(req), body.reviewers);
          if (refused) return refused;
          const reviewers = reviewerAccounts(body.reviewers);
          Object.assign(found.pr, {
            ...(body.title !== undefined ? { title: body.title } : {}),
            ...(body.description !== undefined ? { description: body.description } : {}),
            reviewers: reviewers.map(user),
            participants: [
              ...(found.pr.participants ?? []).filter((p) => p.role !== "REVIEWER"),
              ...reviewers.map((a) => ({ user: user(a), role: "REVIEWER", approved: false, state: null })),
            ],
            updated_on: new Date().toISOString(),
          });
          return host.ok(req, { status: 200, body: { type: "pullrequest", ...found.pr } });
        }),
    },
  ];
}
