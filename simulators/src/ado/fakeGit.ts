import { createHash, randomUUID } from "node:crypto";
import type { FakeRequest, FakeResponse, FakeRoute } from "../fakeHost.js";
import type { AdoPullRequest } from "@groundwork/backend/hosts/ado/client";

/**
 * A repository's branches and commits in the fake Azure DevOps organisation, for what Start work
 * writes: git/repositories/get (defaultBranch), git/refs/list (`filter` is a prefix of the name
 * after "refs/"), git/pushes/create (a new branch's oldObjectId is the commit it starts from,
 * all zeros for none; an existing branch's must be its head, else TF401028), git/items/list
 * (`scopePath` at a branch; a missing path is TF401174) and git/items/get (`path`, with its content
 * when asked), git/pull-requests/create (one active PR per source and target, else TF401179) and
 * update, and git/pull-request-reviewers/create-pull-request-reviewer.
 * learn.microsoft.com/rest/api/azure/devops/git, 7.1.
 */
export interface FakeAdoGit {
  defaultBranch: string;
  /** Branch (refs/heads/…) → its head commit. */
  refs: Record<string, string>;
  commits: Record<string, { parents: string[]; comment: string; files: Record<string, string> }>;
  /** Branches whose policies refuse pushes: changes reach them through pull requests only. */
  protectedBranches?: string[];
}

export const ZERO_OBJECT_ID = "0".repeat(40);
/** Azure DevOps keeps a pull request's description to 4,000 characters and refuses a longer one. */
const ADO_DESCRIPTION_MAX = 4000;

/** What the organisation's fake shares with its git writes. */
export interface FakeGitHost {
  git: () => Record<string, FakeAdoGit>;
  pullRequests: () => AdoPullRequest[];
  people: () => { id: string; displayName: string; email: string }[];
  user: () => { id: string; displayName: string; email: string };
  organization: () => string;
  repository: (req: FakeRequest) => { project: { id: string; name: string }; repo: { id: string; name: string } } | null;
  guard: (req: FakeRequest, ok: () => FakeResponse) => FakeResponse;
  error: (status: number, typeKey: string, message: string) => FakeResponse;
}

const commitId = () => createHash("sha1").update(randomUUID()).digest("hex");

/** A repository's git, made on first use: `main`, protected, with a README. */
export function gitOf(all: Record<string, FakeAdoGit>, repositoryId: string): FakeAdoGit {
  const key = repositoryId.toLowerCase();
  if (!all[key]) {
    const root = createHash("sha1").update(`root:${key}`).digest("hex");
    all[key] = {
      defaultBranch: "refs/heads/main",
      refs: { "refs/heads/main": root },
      commits: { [root]: { parents: [], comment: "Initial commit", files: { "/README.md": "# Read me\n" } } },
      protectedBranches: ["refs/heads/main"],
    };
  }
  return all[key];
}

export function gitWriteRoutes(host: FakeGitHost): FakeRoute[] {
  const base = "/:org/:project/_apis/git/repositories/:repo";
  const withRepository = (req: FakeRequest, ok: (r: NonNullable<ReturnType<FakeGitHost["repository"]>>, git: FakeAdoGit) => FakeResponse) =>
    host.guard(req, () => {
      const r = host.repository(req);
      return r
        ? ok(r, gitOf(host.git(), r.repo.id))
        : host.error(
            404,
            "GitRepositoryNotFoundException",
            `TF401019: The Git repository with name or identifier ${req.params.repo} does not exist or you do not have permissions for the operation you are attempting.`,
          );
    });
  const body = <T>(req: FakeRequest) => JSON.parse(req.body || "{}") as T;
  const prOut = (pr: AdoPullRequest) => ({
    ...pr,
    url: `https://dev.azure.com/${host.organization()}/_apis/git/repositories/${pr.repository?.id}/pullRequests/${pr.pullRequestId}`,
  });

  return [
    {
      method: "GET",
      path: base,
      handle: (req) =>
        withRepository(req, ({ project, repo }, git) => ({ status: 200, body: { id: repo.id, name: repo.name, project, defaultBranch: git.defaultBranch } })),
    },
    {
      method: "GET",
      path: `${base}/refs`,
      handle: (req) =>
        withRepository(req, (_r, git) => {
          const filter = req.query.get("filter") ?? "";
          const value = Object.entries(git.refs)
            .filter(([name]) => name.slice("refs/".length).startsWith(filter))
            .map(([name, objectId]) => ({ name, objectId }));
          return { status: 200, body: { value, count: value.length } };
        }),
    },
    {
      method: "POST",
      path: `${base}/pushes`,
      handle: (req) =>
        withRepository(req, ({ repo }, git) => {
          const push = body<{
            refUpdates?: { name?: string; oldObjectId?: string }[];
            commits?: {
              comment?: string;
              changes?: { changeType?: string; item?: { path?: string }; newContent?: { content?: string; contentType?: string } }[];
            }[];
          }>(req);
          const update = push.refUpdates?.[0];
          if (!update?.name || !update.oldObjectId || push.refUpdates!.length !== 1 || !push.commits?.length)
            return host.error(400, "InvalidArgumentValueException", "A push needs one refUpdate with name and oldObjectId, and its commits.");
          if (git.protectedBranches?.includes(update.name))
            return host.error(
              403,
              "GitRefUpdateRejectedException",
              "TF402455: Pushes to this branch are not permitted; you must use a pull request to update this branch.",
            );
          const head = git.refs[update.name];
          if (head ? update.oldObjectId !== head : update.oldObjectId !== ZERO_OBJECT_ID && !git.commits[update.oldObjectId])
            return host.error(
              409,
              "GitReferenceStaleException",
              `TF401028: The reference '${update.name}' has already been updated by another client, so you cannot update it. Please try again.`,
            );
          let parent = update.oldObjectId === ZERO_OBJECT_ID ? null : update.oldObjectId;
          const commits = [];
          for (const c of push.commits) {
            const files = { ...(parent ? git.commits[parent]!.files : {}) };
            for (const change of c.changes ?? []) {
              const path = change.item?.path ?? "";
              const type = (change.changeType ?? "").toLowerCase();
              if (!path.startsWith("/") || !["add", "edit"].includes(type) || change.newContent?.contentType !== "rawtext")
                return host.error(400, "InvalidArgumentValueException", `The change to '${path}' is not an add or edit of rawtext content at a rooted path.`);
              if (type === "add" && path in files) return host.error(400, "GitItemAlreadyExistsException", `The path '${path}' already exists.`);
              if (type === "edit" && !(path in files)) return host.error(404, "GitItemNotFoundException", `TF401174: The item '${path}' could not be found.`);
              files[path] = change.newContent.content ?? "";
            }
            const id = commitId();
            git.commits[id] = { parents: parent ? [parent] : [], comment: c.comment ?? "", files };
            commits.push({ commitId: id, comment: c.comment ?? "" });
            parent = id;
          }
          git.refs[update.name] = parent!;
          return {
            status: 201,
            body: {
              pushId: Object.keys(git.commits).length,
              date: new Date().toISOString(),
              pushedBy: host.user(),
              commits,
              refUpdates: [{ name: update.name, oldObjectId: update.oldObjectId, newObjectId: parent }],
              repository: { id: repo.id, name: repo.name },
            },
          };
        }),
    },
    {
      method: "GET",
      path: `${base}/items`,
      handle: (req) =>
        withRepository(req, ({ repo }, git) => {
          // git/items/list names it scopePath, git/items/get path (and sends its content when asked).
          const path = req.query.get("path") ?? req.query.get("scopePath") ?? "/";
          const version = req.query.get("versionDescriptor.version");
          const type = (req.query.get("versionDescriptor.versionType") ?? "branch").toLowerCase();
          const ref = type === "branch" ? (version ? `refs/heads/${version}` : git.defaultBranch) : null;
          const at = ref ? git.refs[ref] : version && git.commits[version] ? version : undefined;
          const content = at ? git.commits[at]!.files[path] : undefined;
          if (content === undefined)
            return host.error(
              404,
              "GitItemNotFoundException",
              `TF401174: The item '${path}' could not be found in the repository '${repo.name}' at the version specified by '<${type}: ${version ?? "default"}>'.`,
            );
          const item = { objectId: createHash("sha1").update(content).digest("hex"), gitObjectType: "blob", commitId: at, path };
          if (req.query.has("path")) return { status: 200, body: { ...item, ...(req.query.get("includeContent") === "true" ? { content } : {}) } };
          return { status: 200, body: { count: 1, value: [item] } };
        }),
    },
    {
      method: "POST",
      path: `${base}/pullrequests`,
      handle: (req) =>
        withRepository(req, ({ project, repo }, git) => {
          const wanted = body<{ sourceRefName?: string; targetRefName?: string; title?: string; description?: string }>(req);
          if (!wanted.sourceRefName || !wanted.targetRefName || !wanted.title)
            return host.error(400, "InvalidArgumentValueException", "A pull request needs sourceRefName, targetRefName and title.");
          if ((wanted.description ?? "").length > ADO_DESCRIPTION_MAX)
            return host.error(400, "InvalidArgumentValueException", "The description of a pull request can be at most 4000 characters.");
          if (!git.refs[wanted.sourceRefName] || !git.refs[wanted.targetRefName])
            return host.error(
              404,
              "GitRefNotFoundException",
              `TF401398: The pull request cannot be activated because the source and/or the target branch no longer exists, or the requested refs are not branches.`,
            );
          const prs = host.pullRequests();
          if (
            prs.some(
              (p) =>
                p.repository?.id === repo.id && p.status === "active" && p.sourceRefName === wanted.sourceRefName && p.targetRefName === wanted.targetRefName,
            )
          )
            return host.error(409, "GitPullRequestExistsException", "TF401179: An active pull request for the source and target branch already exists.");
          const user = host.user();
          const pr: AdoPullRequest = {
            pullRequestId: Math.max(0, ...prs.map((p) => p.pullRequestId)) + 1,
            title: wanted.title,
            description: wanted.description ?? "",
            status: "active",
            isDraft: false,
            createdBy: { id: user.id, displayName: user.displayName, uniqueName: user.email },
            creationDate: new Date().toISOString(),
            sourceRefName: wanted.sourceRefName,
            targetRefName: wanted.targetRefName,
            reviewers: [],
            repository: { id: repo.id, name: repo.name, project },
            lastMergeSourceCommit: { commitId: git.refs[wanted.sourceRefName]! },
          };
          prs.push(pr);
          return { status: 201, body: prOut(pr) };
        }),
    },
    {
      method: "PATCH",
      path: `${base}/pullrequests/:id`,
      // git/pull-requests/update: title and description of an active pull request (a completed one is TF401181).
      handle: (req) =>
        withRepository(req, ({ repo }) => {
          const pr = host.pullRequests().find((p) => p.pullRequestId === Number(req.params.id) && p.repository?.id === repo.id);
          if (!pr) return host.error(404, "GitPullRequestNotFoundException", "TF401180: The requested pull request was not found.");
          const change = body<{ title?: string; description?: string }>(req);
          if (pr.status !== "active" && (change.title !== undefined || change.description !== undefined))
            return host.error(409, "InvalidArgumentValueException", `TF401181: The pull request cannot be edited due to its state.`);
          if (change.description !== undefined && change.description.length > ADO_DESCRIPTION_MAX)
            return host.error(400, "InvalidArgumentValueException", "The description of a pull request can be at most 4000 characters.");
          Object.assign(pr, {
            ...(change.title !== undefined ? { title: change.title } : {}),
            ...(change.description !== undefined ? { description: change.description } : {}),
          });
          return { status: 200, body: prOut(pr) };
        }),
    },
    {
      method: "PUT",
      path: `${base}/pullRequests/:id/reviewers/:reviewerId`,
      handle: (req) =>
        withRepository(req, ({ repo }) => {
          const pr = host.pullRequests().find((p) => p.pullRequestId === Number(req.params.id) && p.repository?.id === repo.id);
          if (!pr) return host.error(404, "GitPullRequestNotFoundException", "TF401180: The requested pull request was not found.");
          const person = host.people().find((p) => p.id.toLowerCase() === req.params.reviewerId!.toLowerCase());
          if (!person) return host.error(404, "IdentityNotFoundException", `The identity ${req.params.reviewerId} could not be found.`);
          const reviewer = { id: person.id, displayName: person.displayName, uniqueName: person.email, vote: body<{ vote?: number }>(req).vote ?? 0 };
          pr.reviewers = [...(pr.reviewers ?? []).filter((r) => r.id !== person.id), reviewer];
          return { status: 200, body: reviewer };
        }),
    },
  ];
}
