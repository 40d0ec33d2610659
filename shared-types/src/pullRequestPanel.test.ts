import { describe, expect, it } from "vitest";
import type { LinkTarget, PullRequestPanelData } from "./api.js";
import { ApiFailure } from "./client.js";
import { createPullRequestPanel, type PullRequestPanelState } from "./pullRequestPanel.js";

const target: LinkTarget = { type: "feedback", id: "0b6f6c43-5d0e-4c55-9d55-3a2b1d0c9e11", title: "About Grace Hopper", group: "Feedback" };
const panel = (links: PullRequestPanelData["links"] = []): PullRequestPanelData => ({
  workspace: { name: "Platform team", url: "https://groundwork.example/" },
  member: { id: "5c0e8f1a-7a53-4d55-8d1e-0f6a2b3c4d5e", name: "Ada Lovelace" },
  pullRequestUrl: "https://dev.azure.com/contoso/web/_git/app/pullrequest/7",
  links,
  insight: null,
});
const refused = (status: number, code: string, message: string) => new ApiFailure(status, code, message);

/** A panel over a scripted API: each call takes the next answer (a value, or an error to throw). */
function scripted(answers: unknown[]) {
  const sent: Record<string, unknown>[] = [];
  let state: PullRequestPanelState | undefined;
  const next = async () => {
    const answer = answers.shift();
    if (answer instanceof Error) throw answer;
    return answer;
  };
  const controller = createPullRequestPanel(
    {
      load: () => next() as Promise<PullRequestPanelData>,
      add: async (body) => {
        sent.push({ call: "add", body });
        return next();
      },
      unlink: async (id) => {
        sent.push({ call: "unlink", id });
        return next();
      },
      linkAccount: () => next() as Promise<{ linkUrl: string }>,
    },
    (s) => (state = s),
  );
  return { controller, sent, state: () => state! };
}

describe("the host panels' shared behaviour", () => {
  it("keeps the chosen target and note when adding fails, so the user can fix them and retry", async () => {
    const { controller, state } = scripted([panel(), refused(400, "invalid_request", "note: at most 1000 characters")]);
    await controller.load();
    controller.choose(target);
    controller.setNote("x".repeat(1001));
    await controller.add();
    expect(state()).toMatchObject({ target, note: "x".repeat(1001), actionError: "note: at most 1000 characters", busy: false, announcement: "" });
  });

  it("adds with a trimmed note, announces it, reloads, and then clears the choice", async () => {
    const link = {
      ...panel().links[0],
      id: "d1a4c2b0-6f1e-4b7a-9c3d-2e5f6a7b8c9d",
      targetTitle: "About Grace Hopper",
    } as PullRequestPanelData["links"][number];
    const { controller, sent, state } = scripted([panel(), { id: link.id }, panel([link])]);
    await controller.load();
    controller.choose(target);
    controller.setNote("  The race fix  ");
    await controller.add();
    expect(sent).toEqual([{ call: "add", body: { targetType: "feedback", targetId: target.id, url: panel().pullRequestUrl, note: "The race fix" } }]);
    expect(state()).toMatchObject({ phase: "ready", target: null, note: "", actionError: null, announcement: "Added to About Grace Hopper" });
    expect(state().panel!.links).toHaveLength(1);
  });

  it("asks for a target before calling anything", async () => {
    const { controller, sent, state } = scripted([panel()]);
    await controller.load();
    await controller.add();
    expect(sent).toEqual([]);
    expect(state().actionError).toBe("Choose what to attach this pull request to.");
  });

  it("unlinks and announces it; a failed load says why, with the API's code", async () => {
    const { controller, sent, state } = scripted([panel(), undefined, refused(403, "not_a_member", "No member uses grace@contoso.example")]);
    await controller.load();
    await controller.unlink({ id: "d1a4c2b0-6f1e-4b7a-9c3d-2e5f6a7b8c9d", targetTitle: "Make payments boring" });
    expect(sent).toEqual([{ call: "unlink", id: "d1a4c2b0-6f1e-4b7a-9c3d-2e5f6a7b8c9d" }]);
    expect(state()).toMatchObject({
      announcement: "Unlinked from Make payments boring",
      phase: "error",
      error: { code: "not_a_member", message: "No member uses grace@contoso.example" },
    });
  });
});
