import "./panel.css";
import { createContext, useContext, useEffect, useMemo, useState } from "react";
import type { LinkTarget } from "@groundwork/shared-types";
import { LINK_TARGET_GROUPS, LINK_TARGET_LABELS, targetValue, THEME_LABELS } from "@groundwork/shared-types/labels";
import { createLinkTargetSearch, initialLinkTargetSearch } from "@groundwork/shared-types/linkTargetSearch";
import { createPullRequestPanel, describeFailure, initialPullRequestPanel } from "@groundwork/shared-types/pullRequestPanel";
import Button from "@atlaskit/button/new";
import Lozenge from "@atlaskit/lozenge";
import SectionMessage from "@atlaskit/section-message";
import Spinner from "@atlaskit/spinner";
import Select from "@atlaskit/select";
import Textfield from "@atlaskit/textfield";
/**
 * How the panel reaches Groundwork from the page Bitbucket frames it in: the Connect app (a
 * context token from all.js) or the Forge app's card (`invokeRemote` through Forge's bridge).
 * Each call already knows the pull request the panel is on.
 */
export interface PanelHost {
  calls: Parameters<typeof createPullRequestPanel>[0];
  searchTargets: Parameters<typeof createLinkTargetSearch>[0];
  /** Fits the frame to the panel (a Connect iframe does not grow by itself). */
  resize(): void;
}
const Host = createContext<PanelHost | null>(null);
const useHost = () => useContext(Host)!;

/** Bitbucket's "Groundwork" panel on a pull request: where it is attached, attach it, unlink it. */
export function PullRequestPanel({ host }: { host: PanelHost }) {
  return (
    <Host.Provider value={host}>
      <Panel />
    </Host.Provider>
  );
}

function Panel() {
  const { calls, resize } = useHost();
  const [state, setState] = useState(initialPullRequestPanel);
  const panelOf = useMemo(() => createPullRequestPanel(calls, setState), [calls]);
  useEffect(() => {
    void panelOf.load();
  }, [panelOf]);
  useEffect(() => resize());

  const { panel, error, busy } = state;
  if (state.phase === "loading") return <Spinner label="Loading Groundwork" />;
  if (!panel)
    return (
      <div className="gw">
        <SectionMessage appearance={error?.code === "not_bound" || error?.code === "not_a_member" ? "information" : "error"}>
          <p>{error?.message}</p>
        </SectionMessage>
        {error?.code === "not_a_member" && <AccountLink link={panelOf.linkAccount} />}
        <p>
          <Button onClick={() => void panelOf.load()}>Try again</Button>
        </p>
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
      </p>
      {panel.insight && panel.insight.themes.length + panel.insight.contributions.length > 0 && (
        <section className="insight" aria-labelledby="insight">
          <h4 id="insight">What Groundwork sees in it</h4>
          <p className="themes">
            {panel.insight.themes.map((t) => (
              <Lozenge key={t.theme} appearance="new">
                {THEME_LABELS[t.theme]}
              </Lozenge>
            ))}
          </p>
          <ul>
            {panel.insight.contributions.slice(0, 3).map((c) => (
              <li key={c.text}>{c.text}</li>
            ))}
          </ul>
        </section>
      )}
      <h4 id="attached">Attached in Groundwork</h4>
      {panel.links.length === 0 ? (
        <p>This pull request is not attached to anything yet.</p>
      ) : (
        <ul className="links" aria-labelledby="attached">
          {panel.links.map((l) => (
            <li key={l.id}>
              <Lozenge>{LINK_TARGET_LABELS[l.targetType]}</Lozenge>
              <span className="target">
                {l.targetTitle}
                {l.note && <span className="hint"> — {l.note}</span>}
              </span>
              <Button appearance="subtle" isDisabled={busy} aria-label={`Unlink from ${l.targetTitle}`} onClick={() => void panelOf.unlink(l)}>
                Unlink
              </Button>
            </li>
          ))}
        </ul>
      )}
      <h4 id="add">Add to Groundwork</h4>
      <form
        aria-labelledby="add"
        onSubmit={(e) => {
          e.preventDefault();
          void panelOf.add();
        }}
      >
        <TargetPicker chosen={state.target} onChoose={panelOf.choose} />
        <label htmlFor="gw-note">Note (optional)</label>
        <Textfield id="gw-note" value={state.note} onChange={(e) => panelOf.setNote(e.currentTarget.value)} placeholder="Why this PR matters here" />
        <div>
          <Button type="submit" appearance="primary" isDisabled={busy}>
            Add to Groundwork
          </Button>
        </div>
      </form>
      {state.actionError && (
        <SectionMessage appearance="error">
          <p>{state.actionError}</p>
        </SectionMessage>
      )}
      <div role="status">
        {state.announcement && (
          <SectionMessage appearance="success">
            <p>{state.announcement}</p>
          </SectionMessage>
        )}
      </div>
    </div>
  );
}

type TargetOption = { label: string; value: string; target: LinkTarget };
const option = (t: LinkTarget): TargetOption => ({ label: t.title, value: targetValue(t), target: t });

/**
 * Atlaskit's searchable Select over what the caller may attach the PR to, grouped as in
 * Groundwork; Groundwork does the searching (as the user types) and the paging (scrolled to the
 * end). The menu opens in the page's flow, so the panel's frame grows to show it.
 */
function TargetPicker({ chosen, onChoose }: { chosen: LinkTarget | null; onChoose(target: LinkTarget): void }) {
  const { searchTargets, resize } = useHost();
  const [found, setFound] = useState(initialLinkTargetSearch);
  const search = useMemo(() => createLinkTargetSearch(searchTargets, setFound), [searchTargets]);
  useEffect(() => {
    search.search("", true);
    return search.dispose;
  }, [search]);
  useEffect(() => resize());
  const groups = LINK_TARGET_GROUPS.map((group) => ({ label: group, options: found.results.filter((t) => t.group === group).map(option) })).filter(
    (g) => g.options.length > 0,
  );
  return (
    <div className="picker">
      <label htmlFor="gw-target">Attach to</label>
      <Select<TargetOption>
        inputId="gw-target"
        options={groups}
        value={chosen && option(chosen)}
        onChange={(picked) => picked && onChoose(picked.target)}
        onInputChange={(text, { action }) => {
          if (action === "input-change") search.search(text);
          else if (action === "set-value" && found.query) search.search("", true);
        }}
        filterOption={null}
        isLoading={found.loading}
        loadingMessage={() => "Searching…"}
        onMenuScrollToBottom={() => found.hasMore && !found.loading && search.more()}
        noOptionsMessage={() =>
          found.error ??
          (found.query
            ? `Nothing you can attach to matches "${found.query}".`
            : "Nothing to attach to yet: write feedback, a 1:1 agenda item or an OKR in Groundwork first.")
        }
        placeholder="Search your feedback, 1:1s, OKRs and competencies"
        styles={{ menu: (base) => ({ ...base, position: "relative" }) }}
        onMenuOpen={resize}
        onMenuClose={resize}
      />
      {found.hasMore && (
        <Button appearance="subtle" isDisabled={found.loading} onClick={search.more}>
          More results
        </Button>
      )}
    </div>
  );
}

/** Bitbucket shares no emails: link this Bitbucket account to a Groundwork member once. */
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
          appearance="primary"
          onClick={() =>
            void link().then(
              (linkUrl) => {
                setUrl(linkUrl);
                window.open(linkUrl, "_blank", "noopener");
              },
              (err: unknown) => setError(describeFailure(err).message),
            )
          }
        >
          Link your Groundwork account
        </Button>
      )}
      {error && <span className="hint"> {error}</span>}
    </p>
  );
}
