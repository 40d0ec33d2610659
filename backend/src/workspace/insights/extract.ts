import nlp from "compromise";
import { LRUCache } from "lru-cache";
import type { ChangedFile, Evidence, Insight, InsightPoint, ItemDetails, PullRequestChanges, Theme } from "@groundwork/shared-types";
import { plural } from "@groundwork/shared-types/labels";

/** Everything the extractor reads of one linked item: its snapshot, and a PR's files and commits where the host gave them. */
export interface InsightSource {
  title: string | null;
  state: string | null;
  details: ItemDetails;
  changes: PullRequestChanges | null;
}

type Where = "title" | "branch" | "description" | "commit" | "file";
/**
 * The words (a prefix where it ends in `*`) and paths that point at a theme, and where they may
 * come from: "add" in a title says feature, in the middle of a description it says little.
 */
const CUES: Record<Theme, { words: string[]; from: Where[]; paths?: RegExp }> = {
  reliability: {
    words: [
      "retry",
      "retries",
      "timeout*",
      "backoff",
      "resilien*",
      "idempoten*",
      "flaky",
      "crash*",
      "outage",
      "recover*",
      "fallback",
      "deadlock",
      "race condition",
      "leak*",
      "stabil*",
      "graceful*",
      "dead-letter",
      "circuit breaker",
    ],
    from: ["title", "branch", "description", "commit"],
  },
  performance: {
    words: [
      "performance",
      "perf",
      "faster",
      "slow*",
      "latency",
      "cach*",
      "optimi*",
      "throughput",
      "memory",
      "cpu",
      "n+1",
      "pagination",
      "paginate*",
      "speed*",
      "lazy",
    ],
    from: ["title", "branch", "description", "commit"],
  },
  security: {
    words: [
      "security",
      "secure",
      "vulnerab*",
      "xss",
      "csrf",
      "injection",
      "permission*",
      "secret*",
      "encrypt*",
      "sanitiz*",
      "sanitis*",
      "cve",
      "owasp",
      "password*",
      "authoriz*",
      "authentic*",
    ],
    from: ["title", "branch", "description", "commit"],
    paths: /(^|\/)(auth|security|crypto|permissions?)(\/|\.|$)/i,
  },
  testing: {
    words: ["test", "tests", "testing", "coverage", "e2e", "unit test*", "integration test*"],
    from: ["title", "branch", "description", "commit"],
    paths: /(^|\/)(tests?|__tests__|specs?|e2e)\/|\.(test|spec)\.[a-z]+$/i,
  },
  refactoring: {
    words: ["refactor*", "cleanup", "clean up", "simplif*", "restructur*", "dead code", "tidy", "deduplicat*", "rename*", "extract*"],
    from: ["title", "branch", "description", "commit"],
  },
  documentation: {
    words: ["docs", "documentation", "readme", "document*", "guide", "changelog"],
    from: ["title", "branch", "commit"],
    paths: /(^|\/)docs?\/|\.(md|mdx|rst|adoc)$/i,
  },
  ux: {
    words: ["ui", "ux", "layout", "accessib*", "a11y", "usability", "responsive", "screen reader", "dark mode", "styling"],
    from: ["title", "branch", "description", "commit"],
    paths: /\.(css|scss|less|vue|svelte|html)$|(^|\/)(components|pages|views)\//i,
  },
  bug_fix: { words: ["fix", "fixes", "fixed", "bug*", "bugfix", "hotfix", "regression", "broken"], from: ["title", "branch", "commit"] },
  feature: { words: ["add", "adds", "added", "introduce*", "implement*", "support", "feature", "new", "feat"], from: ["title", "branch"] },
  infrastructure: {
    words: ["ci", "pipeline*", "deploy*", "docker*", "kubernetes", "terraform", "dependency", "dependencies", "upgrade*", "bump*", "build"],
    from: ["title", "branch", "commit"],
    paths:
      /(^|\/)(\.github|\.ci|\.circleci|infra|deploy|helm|terraform)\/|(^|\/)Dockerfile$|(^|\/)(bitbucket-pipelines|azure-pipelines)\.ya?ml$|(^|\/)package(-lock)?\.json$/i,
  },
};
/** A title says what the PR is about more than any one sentence of its description or one commit. */
const WEIGHT: Record<Where, number> = { title: 3, branch: 2, description: 2, commit: 1, file: 1 };
const MAX_THEMES = 4;
const MAX_EVIDENCE = 3;

const TEST_PATH = CUES.testing.paths!;
const MIGRATION_PATH = /(^|\/)migrations?\/|\.sql$/i;
const LARGE_LINES = 500;
const LARGE_FILES = 30;
/** Sentences that say what a change does for someone, rather than how it is built. */
const IMPACT_CUES =
  /\b(so that|users?|customers?|members?|prevent\w*|reduc\w*|improv\w*|faster|avoid\w*|allow\w*|enabl\w*|no longer|instead of|fewer|lets?|saves?)\b/i;
/** Azure DevOps' AB#123 and #123 mentions, and Jira-style keys (PROJ-42) in titles, branches and commits. */
const WORK_ITEM_REFERENCE = /\bAB#\d+\b|(?<![\w&])#\d+\b|\b[A-Z][A-Z0-9]{1,9}-\d+\b/g;
/** Standards and algorithms that look like Jira keys. */
const NOT_A_KEY = /^(UTF|SHA|ISO|RFC|AES|HTTP|TLS|SSL|CVE|ES|PEP|MD|RSA|IPV|TS)\d*-/;

/** Markdown and HTML down to the plain lines a person wrote. */
function plainLines(text: string | null) {
  return (text ?? "")
    .replace(/<br\s*\/?>|<\/(p|div|li|h\d)>/gi, "\n")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ")
    .split(/\r?\n/)
    .map((l) =>
      l
        .replace(/^\s*(#{1,6}\s+|[-*+]\s+(\[[ xX]\]\s+)?|\d+[.)]\s+|>\s*)/, "")
        .replace(/[*_`]+/g, "")
        .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
        .trim(),
    )
    .filter(Boolean);
}
/**
 * Each call of compromise tags its text afresh (about half a millisecond even for a line), and an
 * item is derived again on every update that changes it while its title, description and commits
 * mostly stay: what they gave is kept, for a bounded number of texts.
 */
function remembered<R extends NonNullable<unknown>>(of: (text: string) => R) {
  const known = new LRUCache<string, R>({ max: 5_000 });
  return (text: string) => {
    let r = known.get(text);
    if (r === undefined) known.set(text, (r = of(text)));
    return r;
  };
}

const sentencesOf = (text: string | null): readonly string[] => sentencesOfText(text ?? "");
const sentencesOfText = remembered((text: string) =>
  plainLines(text)
    // Splitting into sentences needs no tagging.
    .flatMap((line) => nlp.tokenize(line).sentences().out("array") as string[])
    .map((s) => s.trim())
    .filter((s) => s.length > 2),
);

/** A text's words, lower-cased, with verbs and nouns also in their root form ("retried" → "retry", "refunds" → "refund"). */
const wordsOf = (text: string) => new Set(wordsOfText(text));
const wordsOfText = remembered((text: string): readonly string[] => {
  const doc = nlp(text);
  doc.compute("root");
  const terms = doc.json({ terms: { normal: true, root: true } } as object) as { terms: { normal: string; root?: string }[] }[];
  return [...new Set(terms.flatMap((s) => s.terms.flatMap((t) => [t.normal, t.root ?? t.normal])).filter(Boolean))];
});
/** A cue of several words (or with symbols, "n+1") is looked for in the text; one word among the text's words. */
function cueMatches(cue: string, words: Set<string>, lower: string) {
  if (/[^a-z*]/.test(cue)) return new RegExp(`(^|\\W)${cue.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace("*", "\\w*")}($|\\W)`).test(lower);
  if (cue.endsWith("*")) {
    const stem = cue.slice(0, -1);
    return [...words].some((w) => w.startsWith(stem));
  }
  return words.has(cue);
}

function conventionalPrefix(title: string) {
  return /^(\w+)(\([^)]*\))?!?:\s*/.exec(title)?.[1]?.toLowerCase() ?? null;
}
/** "feat(api): add retry" → "add retry"; "[WIP] Fix x" → "Fix x". */
function bareTitle(title: string) {
  return title
    .replace(/^\s*(\[[^\]]*\]\s*)+/, "")
    .replace(/^(\w+)(\([^)]*\))?!?:\s*/, "")
    .trim();
}
/**
 * The title as something the author did: "Add retry to refunds" → "Added retry to refunds". Only
 * the leading verb changes tense (conjugating the whole title turns "exchange rates" into "rated");
 * a title that does not start with one is quoted.
 */
const asDone = remembered((title: string) => {
  const bare = bareTitle(title);
  const [first = "", ...rest] = bare.split(/\s+/);
  if (!nlp(bare).terms().first().has("#Verb")) return `Worked on “${bare}”`;
  const past = (nlp(`we ${first.toLowerCase()}`).sentences().toPastTense().text() as string).replace(/^we\s+/i, "");
  if (!past || past.includes(" ")) return `Worked on “${bare}”`;
  return [past.charAt(0).toUpperCase() + past.slice(1), ...rest].join(" ");
});

interface Sighting {
  theme: Theme;
  where: Where;
  evidence: Evidence;
}
/** The places each theme shows up, in the order title, branch, description, commits, files. */
function sightings(src: InsightSource): Sighting[] {
  const d = src.details;
  const found: Sighting[] = [];
  const texts: { where: Where; evidence: Evidence }[] = [];
  if (src.title) texts.push({ where: "title", evidence: { source: "title", text: src.title } });
  if (d.kind === "pull_request" && d.sourceBranch) texts.push({ where: "branch", evidence: { source: "branch", text: d.sourceBranch } });
  for (const s of sentencesOf(d.description)) texts.push({ where: "description", evidence: { source: "description", text: s } });
  for (const c of src.changes?.commits ?? []) {
    const subject = c.message.split(/\r?\n/)[0]!.trim();
    if (subject && !/^merge\b/i.test(subject)) texts.push({ where: "commit", evidence: { source: "commit", text: subject } });
  }
  for (const t of texts) {
    // Branch names and conventional prefixes use separators, not spaces: "fix/refund-retry", "feat(api):".
    const text = t.where === "branch" ? t.evidence.text.replace(/[/_.-]+/g, " ") : t.evidence.text;
    const lower = text.toLowerCase();
    const words = wordsOf(text);
    const prefix = conventionalPrefix(t.evidence.text);
    if (prefix) words.add(prefix);
    for (const theme of Object.keys(CUES) as Theme[]) {
      const cue = CUES[theme];
      if (cue.from.includes(t.where) && cue.words.some((w) => cueMatches(w, words, lower))) found.push({ theme, where: t.where, evidence: t.evidence });
    }
  }
  for (const f of src.changes?.files ?? [])
    for (const theme of Object.keys(CUES) as Theme[]) {
      const paths = CUES[theme].paths;
      // A test of a component is testing, not UX.
      if (paths?.test(f.path) && !(theme === "ux" && TEST_PATH.test(f.path))) found.push({ theme, where: "file", evidence: { source: "file", text: f.path } });
    }
  return found;
}

function themesOf(src: InsightSource): Insight["themes"] {
  const byTheme = new Map<Theme, { score: number; evidence: Evidence[]; fileScore: number }>();
  for (const s of sightings(src)) {
    const t = byTheme.get(s.theme) ?? { score: 0, evidence: [], fileScore: 0 };
    // Files add up to the weight of a title at most: a hundred CSS files are one sign of UX work, not a hundred.
    if (s.where === "file") t.fileScore = Math.min(t.fileScore + WEIGHT.file, WEIGHT.title);
    else t.score += WEIGHT[s.where];
    if (t.evidence.length < MAX_EVIDENCE && !t.evidence.some((e) => e.text === s.evidence.text)) t.evidence.push(s.evidence);
    byTheme.set(s.theme, t);
  }
  return [...byTheme.entries()]
    .map(([theme, t]) => ({ theme, score: t.score + t.fileScore, evidence: t.evidence }))
    .filter((t) => t.score >= 2)
    .sort((a, b) => b.score - a.score || a.theme.localeCompare(b.theme))
    .slice(0, MAX_THEMES)
    .map(({ theme, evidence }) => ({ theme, evidence }));
}

/** Where in the code a file is: its first two folders ("backend/src/payments/x.ts" → "backend/src"), or the root. */
function areaOf(path: string) {
  const parts = path.split("/").slice(0, -1);
  return parts.length ? parts.slice(0, 2).join("/") : "the root folder";
}
function areasOf(files: ChangedFile[]) {
  const counts = new Map<string, number>();
  for (const f of files) counts.set(areaOf(f.path), (counts.get(areaOf(f.path)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
const list = (xs: string[]) => (xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} and ${xs.at(-1)}`);
function linesOf(files: ChangedFile[]) {
  const counted = files.filter((f) => f.linesAdded !== null && f.linesRemoved !== null);
  if (!counted.length) return null;
  return { added: counted.reduce((n, f) => n + f.linesAdded!, 0), removed: counted.reduce((n, f) => n + f.linesRemoved!, 0) };
}

function workItemReferences(src: InsightSource): InsightPoint | null {
  const d = src.details;
  const places: Evidence[] = [];
  if (src.title) places.push({ source: "title", text: src.title });
  if (d.kind === "pull_request" && d.sourceBranch) places.push({ source: "branch", text: d.sourceBranch });
  for (const s of sentencesOf(d.description)) places.push({ source: "description", text: s });
  for (const c of src.changes?.commits ?? []) places.push({ source: "commit", text: c.message.split(/\r?\n/)[0]! });
  const refs = new Map<string, Evidence>();
  for (const p of places) for (const m of p.text.match(WORK_ITEM_REFERENCE) ?? []) if (!NOT_A_KEY.test(m) && !refs.has(m)) refs.set(m, p);
  if (!refs.size) return null;
  const shown = [...refs.keys()].slice(0, 5);
  return {
    text: `Linked to ${list(shown)}${refs.size > shown.length ? ` and ${refs.size - shown.length} more` : ""}`,
    evidence: [...new Set(shown.map((r) => refs.get(r)!))].slice(0, MAX_EVIDENCE),
  };
}

function pullRequestPoints(src: InsightSource & { details: Extract<ItemDetails, { kind: "pull_request" }> }) {
  const d = src.details;
  const changes = src.changes;
  const contributions: InsightPoint[] = [];
  const impact: InsightPoint[] = [];
  if (src.title) contributions.push({ text: asDone(src.title), evidence: [{ source: "title", text: src.title }] });

  if (changes && changes.fileCount > 0) {
    const lines = linesOf(changes.files);
    const size = `${plural(changes.fileCount, "file")}${lines ? `, +${lines.added} −${lines.removed} lines` : ""}${changes.commitCount ? ` in ${plural(changes.commitCount, "commit")}` : ""}`;
    const areas = areasOf(changes.files);
    contributions.push({
      text: `Changed ${size}${areas.length ? `, mostly in ${list(areas.slice(0, 3).map(([a]) => a))}` : ""}`,
      evidence: [{ source: "size", text: size }, ...areas.slice(0, 2).map(([a, n]): Evidence => ({ source: "file", text: `${a} (${plural(n, "file")})` }))],
    });
    const tests = changes.files.filter((f) => TEST_PATH.test(f.path) && f.status !== "removed");
    if (tests.length) {
      const added = tests.filter((f) => f.status === "added").length;
      const updated = tests.length - added;
      contributions.push({
        text:
          added && updated
            ? `Added ${plural(added, "test file")} and updated ${updated}`
            : added
              ? `Added ${plural(added, "test file")}`
              : `Updated ${plural(updated, "test file")}`,
        evidence: tests.slice(0, MAX_EVIDENCE).map((f) => ({ source: "file", text: f.path })),
      });
    } else if (changes.files.some((f) => !CUES.documentation.paths!.test(f.path)))
      impact.push({
        text: "No tests changed alongside the code",
        evidence: [{ source: "size", text: `0 of ${plural(changes.fileCount, "changed file")} are tests` }],
      });

    const total = lines ? lines.added + lines.removed : null;
    if ((total ?? 0) > LARGE_LINES || changes.fileCount > LARGE_FILES)
      impact.push({ text: "A large change: harder to review thoroughly, and worth splitting next time", evidence: [{ source: "size", text: size }] });
    const migrations = changes.files.filter((f) => MIGRATION_PATH.test(f.path));
    if (migrations.length)
      impact.push({
        text: "Changes the database schema or data: deploy with care",
        evidence: migrations.slice(0, MAX_EVIDENCE).map((f) => ({ source: "file", text: f.path })),
      });
    const security = changes.files.filter((f) => CUES.security.paths!.test(f.path));
    if (security.length)
      impact.push({
        text: "Touches authentication or security code",
        evidence: security.slice(0, MAX_EVIDENCE).map((f) => ({ source: "file", text: f.path })),
      });
    if (areas.length >= 3)
      impact.push({
        text: `Reaches ${areas.length} areas of the codebase`,
        evidence: areas.slice(0, MAX_EVIDENCE).map(([a, n]) => ({ source: "file", text: `${a} (${plural(n, "file")})` })),
      });
  }

  const linked = workItemReferences(src);
  if (linked) contributions.push(linked);

  if (d.reviewers.length) {
    const approved = d.reviewers.filter((r) => r.verdict === "approved" || r.verdict === "approved_with_suggestions").length;
    const changesAsked = d.reviewers.filter((r) => r.verdict === "changes_requested" || r.verdict === "waiting_for_author" || r.verdict === "rejected").length;
    const parts = [approved ? `${approved} approved` : null, changesAsked ? `${changesAsked} asked for changes` : null].filter((p): p is string => Boolean(p));
    contributions.push({
      text: `Reviewed by ${plural(d.reviewers.length, "person", "people")}${parts.length ? `: ${parts.join(", ")}` : ""}`,
      evidence: d.reviewers.slice(0, MAX_EVIDENCE).map((r) => ({ source: "review", text: `${r.name ?? "A reviewer"}: ${r.verdict.replaceAll("_", " ")}` })),
    });
  }

  impact.unshift(...impactSentences(d.description));
  if (src.state === "merged" || src.state === "completed")
    impact.unshift({ text: `Merged${d.targetBranch ? ` into ${d.targetBranch}` : ""}`, evidence: [{ source: "state", text: src.state }] });
  else if (src.state === "declined" || src.state === "abandoned")
    impact.unshift({ text: "Closed without merging", evidence: [{ source: "state", text: src.state }] });
  return { contributions, impact };
}

/** The description's sentences that say what the change does for someone (at most two). */
function impactSentences(description: string | null): InsightPoint[] {
  return sentencesOf(description)
    .filter((s) => IMPACT_CUES.test(s))
    .slice(0, 2)
    .map((s) => {
      const text = s.length > 200 ? `${s.slice(0, 199)}…` : s;
      return { text, evidence: [{ source: "description", text: s }] };
    });
}

function workItemPoints(src: InsightSource & { details: Extract<ItemDetails, { kind: "work_item" }> }) {
  const d = src.details;
  const contributions: InsightPoint[] = [];
  if (src.title) contributions.push({ text: `${d.type ? `${d.type}: ` : ""}${bareTitle(src.title)}`, evidence: [{ source: "title", text: src.title }] });
  const linked = workItemReferences(src);
  if (linked) contributions.push(linked);
  const impact = impactSentences(d.description);
  if (src.state && /^(done|closed|resolved|completed)$/i.test(src.state))
    impact.unshift({ text: `${src.state}`, evidence: [{ source: "state", text: src.state }] });
  return { contributions, impact };
}

/**
 * Themes, contributions and impact of one item, from its own content only and the same every
 * time for the same content: no service, no model download (compromise ships its lexicon).
 */
export function extractInsight(src: InsightSource, now = new Date()): Insight {
  const points = src.details.kind === "pull_request" ? pullRequestPoints({ ...src, details: src.details }) : workItemPoints({ ...src, details: src.details });
  return { themes: themesOf(src), ...points, derivedBy: "rules", derivedAt: now.toISOString() };
}
