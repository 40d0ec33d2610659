import { useCallback, useEffect, useMemo, useState } from "react";
import type { LinkTarget, Page, PullRequestPanelData as PanelData } from "@groundwork/shared-types";
import { LINK_TARGET_GROUPS, LINK_TARGET_LABELS, targetValue } from "@groundwork/shared-types/labels";
import { createLinkTargetSearch, initialLinkTargetSearch } from "@groundwork/shared-types/linkTargetSearch";
import Button from "@atlaskit/button/new";
import Lozenge from "@atlaskit/lozenge";
import SectionMessage from "@atlaskit/section-message";
import Spinner from "@atlaskit/spinner";
import Textfield from "@atlaskit/textfield";
import { callGroundwork, PanelError, pullRequestFromUrl, resize } from "./connect";

type State = { phase: "loading" } | { phase: "ready"; panel: PanelData } | { phase: "error"; code: string; message: string };
const describe = (err: unknown) =>
  err instanceof PanelError ? { code: err.code, message: err.message } : { code: "unexpected", message: "Something went wrong." };

/** Bitbucket's "Groundwork" panel on a pull request: where it is attached, attach it, unlink it. */
export function PullRequestPanel() {
  const [state, setState] = useState<State>({ phase: "loading" });
  const [target, setTarget] = useState<LinkTarget | null>(null);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  // The panel's URL names its pull request and never changes: read once.
  const [pr] = useState(pullRequestFromUrl);

  const load = useCallback(async () => {
    try {
      const query = new URLSearchParams(pr);
      setState({ phase: "ready", panel: await callGroundwork<PanelData>("GET", `/pull-request?${query}`) });
    } catch (err) {
      setState({ phase: "error", ...describe(err) });
    }
  }, [pr]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => resize());

  async function act(what: () => Promise<unknown>, done: string) {
    setBusy(true);
    setActionError(null);
    try {
      await what();
      setAnnouncement(done);
      await load();
      return true;
    } catch (err) {
      setActionError(describe(err).message);
      return false;
    } finally {
      setBusy(false);
    }
  }

  if (state.phase === "loading") return <Spinner label="Loading Groundwork" />;
  if (state.phase === "error")
    return (
      <div className="gw">
        <SectionMessage appearance={state.code === "not_bound" || state.code === "not_a_member" ? "information" : "error"}>
          <p>{state.message}</p>
        </SectionMessage>
        {state.code === "not_a_member" && <AccountLink />}
        <p>
          <Button onClick={() => void load()}>Try again</Button>
        </p>
      </div>
    );

  const { panel } = state;
  return (
    <div className="gw">
      <p className="hint">
        In{" "}
        <a href={panel.workspace.url} target="_blank" rel="noreferrer">
          {panel.workspace.name}
        </a>{" "}
        as {panel.member.name}
      </p>
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
              <Button
                appearance="subtle"
                isDisabled={busy}
                aria-label={`Unlink from ${l.targetTitle}`}
                onClick={() => void act(() => callGroundwork("DELETE", `/context-links/${l.id}`), `Unlinked from ${l.targetTitle}`)}
              >
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
          if (!target) return setActionError("Choose what to attach this pull request to.");
          void act(
            () =>
              callGroundwork("POST", "/context-links", {
                targetType: target.type,
                targetId: target.id,
                url: panel.pullRequestUrl,
                ...(note.trim() ? { note: note.trim() } : {}),
              }),
            `Added to ${target.title}`,
          ).then((ok) => {
            if (ok) {
              setTarget(null);
              setNote("");
            }
          });
        }}
      >
        <TargetPicker chosen={target} onChoose={setTarget} />
        <label htmlFor="gw-note">Note (optional)</label>
        <Textfield id="gw-note" value={note} onChange={(e) => setNote(e.currentTarget.value)} placeholder="Why this PR matters here" />
        <div>
          <Button type="submit" appearance="primary" isDisabled={busy}>
            Add to Groundwork
          </Button>
        </div>
      </form>
      {actionError && (
        <SectionMessage appearance="error">
          <p>{actionError}</p>
        </SectionMessage>
      )}
      <p role="status" className="hint">
        {announcement}
      </p>
    </div>
  );
}

/** Type-ahead over what the caller may attach the PR to, grouped as in Groundwork. */
function TargetPicker({ chosen, onChoose }: { chosen: LinkTarget | null; onChoose(target: LinkTarget): void }) {
  const [found, setFound] = useState(initialLinkTargetSearch);
  const search = useMemo(() => createLinkTargetSearch((q) => callGroundwork<Page<LinkTarget>>("GET", `/link-targets?${q}`), setFound), []);
  useEffect(() => {
    search.search("", true);
    return search.dispose;
  }, [search]);
  useEffect(() => resize());
  return (
    <fieldset className="picker">
      <legend>Attach to</legend>
      <Textfield
        aria-label="Find what to attach to"
        value={found.query}
        onChange={(e) => search.search(e.currentTarget.value)}
        placeholder="Search feedback, agenda items, OKRs, competencies"
      />
      {LINK_TARGET_GROUPS.map((group) => {
        const items = found.results.filter((t) => t.group === group);
        return items.length ? (
          <div key={group} role="group" aria-label={group}>
            <div className="group">{group}</div>
            {items.map((t) => (
              <label key={targetValue(t)} className="option">
                <input type="radio" name="gw-target" checked={chosen !== null && targetValue(chosen) === targetValue(t)} onChange={() => onChoose(t)} />
                {t.title}
              </label>
            ))}
          </div>
        ) : null;
      })}
      {found.hasMore && (
        <Button appearance="subtle" isDisabled={found.loading} onClick={search.more}>
          More results
        </Button>
      )}
      {found.error && <p className="hint">{found.error}</p>}
      {!found.loading && !found.error && found.results.length === 0 && (
        <p className="hint">
          {found.query
            ? `Nothing you can attach to matches "${found.query}".`
            : "Nothing to attach to yet: write feedback, a 1:1 agenda item or an OKR in Groundwork first."}
        </p>
      )}
    </fieldset>
  );
}

/** Bitbucket shares no emails: link this Bitbucket account to a Groundwork member once. */
function AccountLink() {
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
            void callGroundwork<{ linkUrl: string }>("POST", "/account-link").then(
              (r) => {
                setUrl(r.linkUrl);
                window.open(r.linkUrl, "_blank", "noopener");
              },
              (err: unknown) => setError(describe(err).message),
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
