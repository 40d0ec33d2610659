/**
 * Words the host panels (Azure DevOps, Bitbucket) show for link targets. A subpath of its own
 * (@groundwork/shared-types/labels), free of zod, so the panels' bundles stay small.
 */
export const LINK_TARGET_LABELS = {
  feedback: "Feedback",
  agenda_item: "1:1 agenda",
  objective: "Objective",
  key_result: "Key result",
  competency: "Competency",
} as const;

/** The order a target picker groups them in. */
export const LINK_TARGET_GROUPS = ["Feedback", "1:1 agendas", "OKRs", "Competencies"] as const;

/** A picker value for a target, and back. */
export const targetValue = (t: { type: string; id: string }) => `${t.type}:${t.id}`;
