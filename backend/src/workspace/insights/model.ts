import OpenAI from "openai";
import { zodResponseFormat } from "openai/helpers/zod";
import { z } from "zod";
import { Insight, type Evidence } from "@groundwork/shared-types";
import type { InsightSource } from "./extract.js";

/** The operator's language model: any OpenAI-compatible chat-completions endpoint (INSIGHTS_MODEL_*). */
export interface InsightModelSettings {
  baseUrl: string;
  model: string;
  apiKey?: string;
  timeoutMs: number;
}

/** What the model is asked to answer: an insight without the fields Groundwork fills in itself. */
const ModelAnswer = Insight.pick({ themes: true, contributions: true, impact: true });

const INSTRUCTIONS = `You read one pull request or work item of a software team, given as JSON, and answer in JSON:
- themes: which of the listed themes the work is about, strongest first (at most 4);
- contributions: what its author did, in at most 6 short points (scope, areas and files touched, size, tests, linked work items, reviews);
- impact: what it changes for users or the team, its risk and reach, in at most 4 short points.
Every theme and point cites evidence: the exact sentence, commit message, file path, figure, branch, review or state from the input it rests on, with that part's name as its source. Quote only what the input holds. State facts about the work; do not praise or judge the person.`;

/** The parts of an item a model is shown, trimmed to what fits a prompt. */
function promptOf(src: InsightSource) {
  const d = src.details;
  const changes = src.changes;
  return {
    kind: d.kind,
    title: src.title,
    state: src.state,
    description: d.description?.slice(0, 4000) ?? null,
    ...(d.kind === "pull_request"
      ? {
          branch: d.sourceBranch,
          targetBranch: d.targetBranch,
          reviews: d.reviewers.map((r) => ({ reviewer: r.name, verdict: r.verdict })),
          files: changes?.files.slice(0, 100).map((f) => ({ path: f.path, status: f.status, added: f.linesAdded, removed: f.linesRemoved })) ?? [],
          fileCount: changes?.fileCount ?? null,
          commits: changes?.commits.slice(0, 50).map((c) => c.message.slice(0, 300)) ?? [],
          commitCount: changes?.commitCount ?? null,
        }
      : { type: d.type }),
  };
}

const normal = (text: string) => text.toLowerCase().replace(/\s+/g, " ").trim();
/**
 * Keeps what the item itself supports: evidence that quotes the input (a figure or review may be
 * paraphrased, so those pass), points with some evidence left, themes with some.
 */
function grounded(answer: z.infer<typeof ModelAnswer>, prompt: string) {
  const haystack = normal(prompt);
  const holds = (e: Evidence) => ["size", "review", "state"].includes(e.source) || haystack.includes(normal(e.text));
  const keep = <T extends { evidence: Evidence[] }>(xs: T[]) =>
    xs.map((x) => ({ ...x, evidence: x.evidence.filter(holds) })).filter((x) => x.evidence.length > 0);
  return { themes: keep(answer.themes).slice(0, 4), contributions: keep(answer.contributions).slice(0, 6), impact: keep(answer.impact).slice(0, 4) };
}

export class InsightModelError extends Error {}

/**
 * Asks the model for an insight with structured output against the insight's schema, checks the
 * answer against the schema and the item, and throws InsightModelError on a refusal, an error, a
 * timeout or an answer that does not hold: the caller falls back to the extractor.
 */
export async function modelInsight(settings: InsightModelSettings, src: InsightSource, now = new Date()): Promise<Insight> {
  const client = new OpenAI({ baseURL: settings.baseUrl, apiKey: settings.apiKey ?? "none", timeout: settings.timeoutMs, maxRetries: 0 });
  const prompt = JSON.stringify(promptOf(src));
  let parsed: z.infer<typeof ModelAnswer> | null | undefined;
  try {
    const completion = await client.chat.completions.parse({
      model: settings.model,
      temperature: 0,
      messages: [
        { role: "system", content: INSTRUCTIONS },
        { role: "user", content: prompt },
      ],
      response_format: zodResponseFormat(ModelAnswer, "insight"),
    });
    const message = completion.choices[0]?.message;
    if (message?.refusal) throw new InsightModelError(`the model declined: ${message.refusal.slice(0, 200)}`);
    parsed = message?.parsed;
  } catch (err) {
    if (err instanceof InsightModelError) throw err;
    // The SDK's errors name the status and the model's words, never the key.
    throw new InsightModelError(err instanceof Error ? err.message.slice(0, 300) : "the model could not be asked");
  }
  if (!parsed) throw new InsightModelError("the model gave no answer");
  const answer = grounded(parsed, prompt);
  if (!answer.themes.length && !answer.contributions.length) throw new InsightModelError("nothing the model answered is supported by the item");
  return { ...answer, derivedBy: "model", derivedAt: now.toISOString() };
}
