import { expect, it } from "vitest";
import { ItemDetails } from "@groundwork/shared-types";
import { hostSample } from "@groundwork/simulators/samples";
import type { AdoPullRequest, AdoWorkItem } from "./client.js";
import { pullRequestSnapshot, workItemSnapshot } from "./snapshots.js";

const created = hostSample("ado", "git.pullrequest.created.json") as { resource: AdoPullRequest };

it("reads a pull request's card from its documented payload, each reviewer's vote in Azure DevOps' words", () => {
  // The documented sample has one reviewer (a team, no vote); the votes are Azure DevOps' five (GitPullRequest reviewers[].vote).
  const team = created.resource.reviewers![0]!;
  const votes = [10, 5, 0, -5, -10].map((vote, i) => ({ ...team, displayName: `Reviewer ${i}`, vote }));
  const snapshot = pullRequestSnapshot("fabrikam", { ...created.resource, reviewers: votes })!;
  const details = ItemDetails.parse(snapshot.metadata);
  expect(details).toEqual({
    kind: "pull_request",
    description: created.resource.description,
    author: { name: "Jamal Hartnett", email: "fabrikamfiber4@hotmail.com" },
    reviewers: ["approved", "approved_with_suggestions", "no_vote", "waiting_for_author", "rejected"].map((verdict, i) => ({
      name: `Reviewer ${i}`,
      // A team's uniqueName is no email.
      email: null,
      verdict,
    })),
    sourceBranch: "mytopic",
    targetBranch: "master",
    repository: "Fabrikam",
    createdAt: created.resource.creationDate,
    updatedAt: null,
    closedAt: null,
  });
});

it("reads a work item's card, with people given as 'Name <email>' as some service hooks send them", () => {
  const event = hostSample("ado", "workitem.created.json") as { resource: AdoWorkItem };
  const snapshot = workItemSnapshot("fabrikam", {
    ...event.resource,
    fields: { ...event.resource.fields, "System.AssignedTo": "Jamal Hartnett <Jamal@Fabrikam.com>" },
  });
  expect(ItemDetails.parse(snapshot.metadata)).toMatchObject({
    kind: "work_item",
    type: "Bug",
    assignee: { name: "Jamal Hartnett", email: "jamal@fabrikam.com" },
    area: "FabrikamCloud",
  });
  expect(snapshot.authorEmailNormalized).toBe("jamal@fabrikam.com");
});
