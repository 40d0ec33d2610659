import { useQuery } from "@tanstack/react-query";
import { api, data } from "../../api";
import { ErrorNote, useAction } from "../../ui";

/**
 * Who draws the workspace's insights: Groundwork's own extractor always; the operator's language
 * model only when an owner turns it on here, told what leaves Groundwork and where it goes.
 */
export function InsightsCard() {
  const { data: settings, refetch } = useQuery({ queryKey: ["/api/insight-settings"], queryFn: () => data(api.GET("/api/insight-settings")) });
  const { error, busy, run } = useAction();
  if (!settings) return null;
  const model = settings.model;
  return (
    <article className="card" aria-label="Insights">
      <h2>Insights</h2>
      <p className="hint">
        Groundwork draws themes, contributions and impact from every attached pull request and work item itself, with nothing sent anywhere.
      </p>
      {model ? (
        <>
          <div className="checks">
            <label>
              <input
                type="checkbox"
                checked={settings.useModel}
                disabled={busy}
                onChange={() => void run(() => data(api.PUT("/api/insight-settings", { body: { useModel: !settings.useModel } }))).then(() => refetch())}
              />
              <span>
                Use the language model <strong>{model.name}</strong> for this workspace&apos;s insights
              </span>
            </label>
          </div>
          <p className="hint">
            It sends each item&apos;s title, description, branch, reviews, changed file paths and commit messages to {model.host}. If it fails or is slow,
            Groundwork draws the insight itself.
          </p>
        </>
      ) : (
        <p className="hint">This Groundwork has no language model configured (its operator sets INSIGHTS_MODEL_URL and INSIGHTS_MODEL).</p>
      )}
      <ErrorNote error={error} />
    </article>
  );
}
