import { joined } from "../queryLanguage.js";

/**
 * Bitbucket Cloud's filter language (developer.atlassian.com/cloud/bitbucket/rest/intro/#filtering):
 * `field op value` with dotted field paths, operators = != ~ !~ > >= < <= (~ is a case-insensitive
 * "contains"), double-quoted strings (a backslash escapes a quote), numbers, true, false, null;
 * joined by AND / OR, grouped with parentheses. A query it cannot parse is refused with 400.
 */
export class FilterError extends Error {}

type Value = string | number | boolean | null;
type Token = { kind: "word" | "string" | "number" | "datetime" | "op" | "paren"; text: string };
/** A datetime is written bare, as ISO 8601 (`updated_on >= 2026-05-27T00:00:00+00:00`), and compares as a time. */
const DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?/;

function tokenize(q: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i]!;
    if (/\s/.test(c)) i++;
    else if (c === '"') {
      let text = "";
      i++;
      while (q[i] !== '"') {
        if (i >= q.length) throw new FilterError("an unclosed string");
        if (q[i] === "\\" && i + 1 < q.length) i++;
        text += q[i++];
      }
      i++;
      tokens.push({ kind: "string", text });
    } else if (c === "(" || c === ")") {
      tokens.push({ kind: "paren", text: c });
      i++;
    } else {
      const op = /^(!=|!~|>=|<=|=|~|>|<)/.exec(q.slice(i))?.[0];
      const datetime = DATETIME.exec(q.slice(i))?.[0];
      const number = /^-?\d+(\.\d+)?/.exec(q.slice(i))?.[0];
      const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(q.slice(i))?.[0];
      const token: Token | null = op
        ? { kind: "op", text: op }
        : datetime
          ? { kind: "datetime", text: datetime }
          : number
            ? { kind: "number", text: number }
            : word
              ? { kind: "word", text: word }
              : null;
      if (!token) throw new FilterError(`unexpected "${c}"`);
      tokens.push(token);
      i += token.text.length;
    }
  }
  return tokens;
}

const pathOf = (row: unknown, path: string) => path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], row);

/** A predicate over a listed object, or throws FilterError. */
export function parseFilter(q: string, fields?: string[]): (row: unknown) => boolean {
  const tokens = tokenize(q);
  let at = 0;
  const take = () => {
    const t = tokens[at++];
    if (!t) throw new FilterError("the query ends too early");
    return t;
  };
  const keyword = (word: string) => tokens[at]?.kind === "word" && tokens[at]!.text.toUpperCase() === word;
  type Test = (row: unknown) => boolean;
  const comparison = (): Test => {
    if (tokens[at]?.text === "(") {
      take();
      const inner = or();
      if (take().text !== ")") throw new FilterError("an unclosed parenthesis");
      return inner;
    }
    const field = take();
    if (field.kind !== "word") throw new FilterError(`expected a field, found "${field.text}"`);
    if (fields && !fields.includes(field.text)) throw new FilterError(`${field.text} cannot be filtered on here`);
    const op = take();
    if (op.kind !== "op") throw new FilterError(`expected an operator after ${field.text}`);
    const raw = take();
    let value: Value;
    if (raw.kind === "string") value = raw.text;
    else if (raw.kind === "number") value = Number(raw.text);
    else if (raw.kind === "datetime") {
      const at = Date.parse(raw.text);
      if (Number.isNaN(at)) throw new FilterError(`${raw.text} is not a date`);
      return (row) => {
        const actual = Date.parse(String(pathOf(row, field.text) ?? ""));
        if (Number.isNaN(actual)) return false;
        const o = op.text;
        return o === "="
          ? actual === at
          : o === "!="
            ? actual !== at
            : o === ">"
              ? actual > at
              : o === ">="
                ? actual >= at
                : o === "<"
                  ? actual < at
                  : o === "<="
                    ? actual <= at
                    : false;
      };
    } else if (raw.kind === "word" && ["true", "false", "null"].includes(raw.text)) value = raw.text === "null" ? null : raw.text === "true";
    else throw new FilterError(`expected a value after ${field.text} ${op.text}`);
    return (row) => {
      const actual = pathOf(row, field.text) as Value | undefined;
      const contains = () => typeof actual === "string" && typeof value === "string" && actual.toLowerCase().includes(value.toLowerCase());
      switch (op.text) {
        case "=":
          return actual === value;
        case "!=":
          return actual !== value;
        case "~":
          return contains();
        case "!~":
          return !contains();
        default: {
          if (actual === null || actual === undefined || value === null) return false;
          const [a, b] = [actual as number | string, value as number | string];
          return op.text === ">" ? a > b : op.text === ">=" ? a >= b : op.text === "<" ? a < b : a <= b;
        }
      }
    };
  };
  /** Consumes the keyword if it comes next. */
  const then = (word: string) => () => keyword(word) && Boolean(take());
  const and = (): Test => joined(comparison, then("AND"), true);
  const or = (): Test => joined(and, then("OR"), false);
  const test = or();
  if (at < tokens.length) throw new FilterError(`unexpected "${tokens[at]!.text}"`);
  return test;
}
