import { randomUUID } from "node:crypto";
import { FakeHost, type ContractCheck, type FakeResponse } from "./fakeHost.js";

/**
 * A fake OpenAI-compatible chat-completions endpoint (POST {base}/chat/completions, as
 * platform.openai.com/docs/api-reference/chat/create documents it and self-hosted servers copy
 * it): a bearer key, a body with `model` and `messages`, and structured output asked for with
 * `response_format: {type: "json_schema", json_schema: {name, schema, strict}}`. It answers with
 * the chat.completion object, its content what `answer` makes of the request (a test's script).
 */
export interface FakeLanguageModelState {
  apiKey: string;
  model: string;
  /** The assistant message's content for a request: JSON text as the schema asks, or anything a test wants to see refused. */
  answer(request: { system: string; user: string; schema: unknown }): string;
}

type ChatRequest = {
  model?: unknown;
  messages?: { role?: unknown; content?: unknown }[];
  response_format?: { type?: unknown; json_schema?: { name?: unknown; schema?: unknown; strict?: unknown } };
};

const error = (status: number, message: string, type: string, code: string | null = null): FakeResponse => ({
  status,
  body: { error: { message, type, param: null, code } },
});

export function fakeLanguageModel(state: FakeLanguageModelState) {
  const check: ContractCheck = (req) => {
    if (req.method !== "POST" || req.path !== "/v1/chat/completions")
      return {
        respond: error(404, `Unknown request URL: ${req.method} ${req.path}`, "invalid_request_error"),
        violation: `no operation ${req.method} ${req.path}`,
      };
    if (req.headers.authorization !== `Bearer ${state.apiKey}`)
      return { respond: error(401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key") };
    let body: ChatRequest;
    try {
      body = JSON.parse(req.body) as ChatRequest;
    } catch {
      return { respond: error(400, "We could not parse the JSON body of your request.", "invalid_request_error"), violation: "the body is not JSON" };
    }
    if (body.model !== state.model)
      return {
        respond: error(404, `The model \`${String(body.model)}\` does not exist or you do not have access to it.`, "invalid_request_error", "model_not_found"),
      };
    const format = body.response_format;
    if (!Array.isArray(body.messages) || !body.messages.every((m) => typeof m.role === "string" && typeof m.content === "string"))
      return { respond: error(400, "'messages' must be an array of {role, content}", "invalid_request_error"), violation: "messages are missing or malformed" };
    if (format?.type !== "json_schema" || typeof format.json_schema?.name !== "string" || typeof format.json_schema.schema !== "object")
      return {
        respond: error(400, "response_format must be a json_schema with a name and a schema", "invalid_request_error"),
        violation: "structured output was not asked for",
      };
    return "allowed";
  };
  return new FakeHost(
    "Language model",
    [
      {
        method: "POST",
        path: "/v1/chat/completions",
        handle: (req) => {
          const body = JSON.parse(req.body) as Required<ChatRequest>;
          const text = (role: string) => String(body.messages.find((m) => m.role === role)?.content ?? "");
          const content = state.answer({ system: text("system"), user: text("user"), schema: body.response_format.json_schema!.schema });
          return {
            status: 200,
            body: {
              id: `chatcmpl-${randomUUID()}`,
              object: "chat.completion",
              created: Math.floor(Date.now() / 1000),
              model: state.model,
              choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, logprobs: null, finish_reason: "stop" }],
              usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 },
            },
          };
        },
      },
    ],
    check,
  );
}
