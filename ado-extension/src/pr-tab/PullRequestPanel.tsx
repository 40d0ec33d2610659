import { useEffect, useMemo, useState } from "react";
import type { LinkTarget } from "@groundwork/shared-types";
import { LINK_TARGET_GROUPS, LINK_TARGET_LABELS, targetValue, THEME_LABELS } from "@groundwork/shared-types/labels";
import { createLinkTargetSearch, initialLinkTargetSearch } from "@groundwork/shared-types/linkTargetSearch";
import { createPullRequestPanel, describeFailure, initialPullRequestPanel } from "@groundwork/shared-types/pullRequestPanel";
import { Button } from "azure-devops-ui/Button";
import { Dropdown } from "azure-devops-ui/Dropdown";
import { ListBoxItemType, type IListBoxItem } from "azure-devops-ui/ListBox";
import { MessageCard, MessageCardSeverity } from "azure-devops-ui/MessageCard";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import { TextField } from "azure-devops-ui/TextField";
import { callGroundwork, groundworkUrl } from "../common/backend";
import { currentPullRequest, loaded, resize } from "../common/host";

/** The "Groundwork" tab on a pull request: where it is attached, attach it, unlink it. */
export function PullRequestPanel() {
  const [state, setState] = useState(initialPullRequestPanel);
  const panelOf = useMemo(
    () =>
      createPullRequestPanel(
        {
          load: async () => {
            const pr = await currentPullRequest();
            const query = { project: pr.project, repository: pr.repository, pullRequestId: pr.pullRequestId };
            return callGroundwork((api) => api.GET("/api/ext/ado/pull-request", { params: { query } }));
          },
          add: (body) => callGroundwork((api) => api.POST("/api/ext/ado/context-links", { body })),
          unlink: (id) => callGroundwork((api) => api.DELETE("/api/ext/ado/context-links/{id}", { params: { path: { id } } })),
          linkAccount: () => callGroundwork((api) => api.POST("/api/ext/ado/account-link")),
        },
        setState,
      ),
    [],
  );
  useEffect(() => {
    void panelOf.load().finally(loaded);
  }, [panelOf]);
  useEffect(() => resize());

  const { panel, error, busy } = state;
  if (state.phase === "loading") return <Spinner size={SpinnerSize.large} label="Loading Groundwork…" className="gw" />;
  if (error?.code === "ado_org_not_connected")
    return (
      <div className="gw">
        <MessageCard severity={MessageCardSeverity.Info}>{error.message}</MessageCard>
      </div>
    );
  if (!panel)
    return (
      <div className="gw">
        <MessageCard severity={MessageCardSeverity.Error}>{error?.message}</MessageCard>
        {error?.code === "not_a_member" && <AccountLink link={panelOf.linkAccount} />}
        {error?.code !== "signed_out" && <Button text="Try again" onClick={() => void panelOf.load()} />}
      </div>
    );

  return (
    <div className="gw">
      <p className="hint">
        In{" "}
        <a href={panel.workspace.url} target="_blank" rel="noreferrer">
          {panel.workspace.name}
        </a>{" "}
        as {panel.member.name}
        {/* The pull request's own state, once: every attachment is of this one PR. */}
        {panel.links[0]?.item.state && <> · Groundwork last read this pull request as {panel.links[0].item.state}</>}
      </p>
      {panel.insight && panel.insight.themes.length + panel.insight.contributions.length > 0 && (
        <section className="insight" aria-labelledby="insight">
          <h2 id="insight">What Groundwork sees in it</h2>
          <p className="themes">
            {panel.insight.themes.map((t) => (
              <span key={t.theme} className="theme">
                {THEME_LABELS[t.theme]}
              </span>
            ))}
          </p>
          <ul>
            {panel.insight.contributions.slice(0, 3).map((c) => (
              <li key={c.text}>{c.text}</li>
            ))}
          </ul>
        </section>
      )}
      <h2 id="attached">Attached in Groundwork</h2>
      {panel.links.length === 0 ? (
        <p>This pull request is not attached to anything yet.</p>
      ) : (
        <ul className="links" aria-labelledby="attached">
          {panel.links.map((l) => (
            <li key={l.id}>
              <span className="kind">{LINK_TARGET_LABELS[l.targetType]}</span>
              <span className="target">
                {l.targetTitle}
                {l.note && <span className="note"> — {l.note}</span>}
              </span>
              <Button text="Unlink" ariaLabel={`Unlink from ${l.targetTitle}`} disabled={busy} onClick={() => void panelOf.unlink(l)} />
            </li>
          ))}
        </ul>
      )}
      <h2 id="add">Add to Groundwork</h2>
      <form
        aria-labelledby="add"
        onSubmit={(e) => {
          e.preventDefault();
          void panelOf.add();
        }}
      >
        <TargetPicker chosen={state.target} onChoose={panelOf.choose} />
        <label htmlFor="gw-note">Note (optional)</label>
        <TextField
          inputId="gw-note"
          ariaLabel="Note (optional)"
          value={state.note}
          onChange={(_e, v) => panelOf.setNote(v)}
          placeholder="Why this PR matters here"
          maxWidth={560}
        />
        <div>
          <Button type="submit" primary text="Add to Groundwork" disabled={busy} />
        </div>
      </form>
      {state.actionError && <MessageCard severity={MessageCardSeverity.Error}>{state.actionError}</MessageCard>}
      <div role="status">{state.announcement && <MessageCard severity={MessageCardSeverity.Info}>{state.announcement}</MessageCard>}</div>
    </div>
  );
}

/**
 * azure-devops-ui's Dropdown with its filter box over what the caller may attach the PR to,
 * grouped as in Groundwork: Groundwork does the searching as the user types (the Dropdown's own
 * text filter is off), and "More results" reads the next page.
 */
function TargetPicker({ chosen, onChoose }: { chosen: LinkTarget | null; onChoose(target: LinkTarget): void }) {
  const [found, setFound] = useState(initialLinkTargetSearch);
  const search = useMemo(
    () => createLinkTargetSearch((query) => callGroundwork((api) => api.GET("/api/ext/ado/link-targets", { params: { query } })), setFound),
    [],
  );
  useEffect(() => {
    search.search("", true);
    return search.dispose;
  }, [search]);
  useEffect(() => resize());
  const items: IListBoxItem<LinkTarget>[] = LINK_TARGET_GROUPS.flatMap((group) => {
    const rows = found.results.filter((t) => t.group === group).map((t) => ({ id: targetValue(t), text: t.title, data: t }));
    return rows.length ? [{ id: `gw-group-${group}`, text: group, type: ListBoxItemType.Header }, ...rows] : [];
  });
  if (found.loading) items.push({ id: "gw-searching", text: "Searching…", type: ListBoxItemType.Loading });
  return (
    <div className="picker">
      <label htmlFor="gw-target" className="label">
        Attach to
      </label>
      <Dropdown<LinkTarget>
        inputId="gw-target"
        ariaLabel="Attach to"
        className="gw-target"
        placeholder={chosen?.title ?? "Choose feedback, an agenda item, an OKR or a competency"}
        items={items}
        showFilterBox
        filterByText={false}
        filterPlaceholderText="Search your feedback, agenda items, OKRs and competencies"
        onFilterTextChanged={(_e, text) => search.search(text)}
        noItemsText={
          found.error ??
          (found.query
            ? `Nothing you can attach to matches "${found.query}".`
            : "Nothing to attach to yet: write feedback, a 1:1 agenda item or an OKR in Groundwork first.")
        }
        actions={found.hasMore ? [{ text: "More results", onClick: () => search.more() }] : undefined}
        onSelect={(_e, item) => item.data && onChoose(item.data)}
        onExpand={() => resize()}
        onCollapse={() => resize()}
      />
      {!found.loading && !found.error && !found.query && found.results.length === 0 && (
        <p className="hint">
          Nothing to attach to yet: write feedback, a 1:1 agenda item or an OKR in{" "}
          <a href={groundworkUrl()} target="_blank" rel="noreferrer">
            Groundwork
          </a>{" "}
          first.
        </p>
      )}
      {chosen && (
        <p className="hint" aria-live="polite">
          Chosen: <strong>{chosen.title}</strong>
        </p>
      )}
    </div>
  );
}

/** For someone whose Azure DevOps email is not their Groundwork one: confirm the link in Groundwork. */
function AccountLink({ link }: { link(): Promise<string> }) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <p>
      {url ? (
        <>
          Confirm in Groundwork (opened in a new tab, or{" "}
          <a href={url} target="_blank" rel="noreferrer">
            open it here
          </a>
          ), then try again.
        </>
      ) : (
        <Button
          text="Link my Azure DevOps account"
          onClick={() =>
            void link().then(
              (linkUrl) => {
                setUrl(linkUrl);
                window.open(linkUrl, "_blank", "noopener");
              },
              (err: unknown) => setError(describeFailure(err).message),
            )
          }
        />
      )}
      {error && <span className="note"> {error}</span>}
    </p>
  );
}
