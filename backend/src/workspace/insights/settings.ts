import { InsightSettings, UpdateInsightSettingsRequest } from "@groundwork/shared-types";
import { ApiError } from "../../http/errors.js";
import { route, type MemberContext } from "../../http/route.js";
import { WorkspaceRow } from "../../storage/models.js";

async function settingsOf(ctx: MemberContext): Promise<InsightSettings> {
  const model = ctx.services.config.insightModel;
  const workspace = await WorkspaceRow.findByPk(ctx.auth.workspace.id, { attributes: ["id", "insightsUseModel"] });
  return {
    model: model ? { name: model.model, host: new URL(model.baseUrl).host } : null,
    useModel: Boolean(model && workspace?.insightsUseModel),
  };
}

/** An owner's choice of who draws the workspace's insights: Groundwork's extractor, or the operator's language model. */
export const insightSettingsRoutes = [
  route({
    method: "get",
    path: "/api/insight-settings",
    summary: "Whether this workspace's insights are drawn by the configured language model",
    tag: "Insights",
    access: "member",
    response: InsightSettings,
    handler: (_input, ctx) => settingsOf(ctx),
  }),
  route({
    method: "put",
    path: "/api/insight-settings",
    summary: "Turn the language model on or off for this workspace's insights",
    tag: "Insights",
    access: "owner",
    body: UpdateInsightSettingsRequest,
    response: InsightSettings,
    handler: async ({ body }, ctx) => {
      if (body.useModel && !ctx.services.config.insightModel)
        throw new ApiError(
          400,
          "no_insight_model",
          "This Groundwork has no language model configured (INSIGHTS_MODEL_URL and INSIGHTS_MODEL)",
          "body.useModel",
        );
      await WorkspaceRow.update({ insightsUseModel: body.useModel }, { where: { id: ctx.auth.workspace.id } });
      return settingsOf(ctx);
    },
  }),
];
