import { expect, it } from "vitest";
import { ItemDetails } from "@groundwork/shared-types";
import { hostSample } from "@groundwork/simulators/samples";
import type { BitbucketPullRequest } from "./client.js";
import { bitbucketPullRequestSnapshot } from "./jobs.js";

it("reads a pull request's card from its documented payload: reviewers' approvals and change requests, not other participants", () => {
  const { pullrequest } = hostSample("bitbucket", "pullrequest_comment_created.json") as { pullrequest: BitbucketPullRequest };
  const someone = pullrequest.participants![0]!;
  const participants = [
    someone, // role PARTICIPANT: commented, did not review
    { ...someone, role: "REVIEWER", state: "approved", approved: true, user: { ...someone.user, display_name: "Ann" } },
    { ...someone, role: "REVIEWER", state: "changes_requested", approved: false, user: { ...someone.user, display_name: "Ben" } },
    { ...someone, role: "REVIEWER", state: null, approved: false, user: { ...someone.user, display_name: "Cy" } },
  ];
  const snapshot = bitbucketPullRequestSnapshot("tiwhitepaper-rutvij/testrepo", { ...pullrequest, participants })!;
  const details = ItemDetails.parse(snapshot.metadata);
  expect(details).toMatchObject({
    kind: "pull_request",
    author: { name: "Rutvij Mehta", email: null },
    reviewers: [
      { name: "Ann", email: null, verdict: "approved" },
      { name: "Ben", email: null, verdict: "changes_requested" },
      { name: "Cy", email: null, verdict: "no_vote" },
    ],
    repository: "tiwhitepaper-rutvij/testrepo",
    updatedAt: pullrequest.updated_on,
  });
});
