import type { Transaction } from "sequelize";
import type { AssignmentStatus } from "@groundwork/shared-types";
import { AssignmentRow } from "../storage/models.js";

/** Where a pull request's state leaves the assignment whose work it is (Azure DevOps' and Bitbucket's states). */
const STATUS_OF_STATE: Record<string, AssignmentStatus> = {
  active: "in_review",
  draft: "in_review",
  open: "in_review",
  completed: "done",
  merged: "done",
  abandoned: "in_progress",
  declined: "in_progress",
  superseded: "in_progress",
};

/** A task list's items in a description: "- [x] text" ticked, "- [ ] text" not. */
function ticks(description: string) {
  const found = new Map<string, boolean>();
  for (const m of description.matchAll(/^\s*[-*]\s+\[( |x|X)\]\s+(.+?)\s*$/gm)) found.set(m[2]!, m[1] !== " ");
  return found;
}

/**
 * A snapshot of a pull request that Start work opened moves its assignment: opened or reopened is
 * in review, merged is done, abandoned or declined is back in progress; and the criteria ticked or
 * unticked in its description's checklist are ticked or unticked in Groundwork.
 */
export async function followPullRequest(
  workspaceId: string,
  pr: { externalKey: string; state: string | null; description: string | null },
  transaction: Transaction,
) {
  const assignments = await AssignmentRow.findAll({ where: { workspaceId, pullRequestKey: pr.externalKey }, transaction });
  for (const a of assignments) {
    const checked = pr.description === null ? new Map<string, boolean>() : ticks(pr.description);
    const criteria = a.acceptanceCriteria.map((c) => ({ ...c, done: checked.get(c.text) ?? c.done }));
    const status = (pr.state && STATUS_OF_STATE[pr.state.toLowerCase()]) || a.status;
    if (status !== a.status || criteria.some((c, i) => c.done !== a.acceptanceCriteria[i]!.done))
      await a.update({ status, acceptanceCriteria: criteria }, { transaction });
  }
}
