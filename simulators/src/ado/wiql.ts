import { joined } from "../queryLanguage.js";

/**
 * The part of WIQL (learn.microsoft.com/azure/devops/boards/queries/wiql-syntax) a flat query
 * over work items uses: `SELECT [fields] FROM WorkItems WHERE <condition> ORDER BY [field] ASC|DESC`,
 * conditions `[Field] = value`, `<>`, `CONTAINS 'text'`, `IN ('a', 'b')`, joined by AND / OR
 * with parentheses. Strings are single-quoted, a quote doubled inside one. Anything else is an
 * error, as Azure DevOps answers a query it cannot parse.
 */
export type WiqlRow = Record<string, unknown>;
export interface WiqlQuery {
  matches(row: WiqlRow): boolean;
  order: { field: string; descending: boolean }[];
}

export class WiqlError extends Error {}

type Token = { kind: "field" | "string" | "number" | "word" | "symbol"; text: string };

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i]!;
    if (/\s/.test(c)) i++;
    else if (c === "[") {
      const end = query.indexOf("]", i);
      if (end < 0) throw new WiqlError("An unclosed [ in the query");
      tokens.push({ kind: "field", text: query.slice(i + 1, end) });
      i = end + 1;
    } else if (c === "'") {
      let text = "";
      i++;
      for (;;) {
        if (i >= query.length) throw new WiqlError("An unclosed string in the query");
        if (query[i] === "'" && query[i + 1] === "'") {
          text += "'";
          i += 2;
        } else if (query[i] === "'") break;
        else text += query[i++];
      }
      i++;
      tokens.push({ kind: "string", text });
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9]+/.exec(query.slice(i))![0];
      tokens.push({ kind: "number", text: m });
      i += m.length;
    } else if (/[A-Za-z@]/.test(c)) {
      const m = /^[A-Za-z@_.]+/.exec(query.slice(i))![0];
      tokens.push({ kind: "word", text: m.toUpperCase() });
      i += m.length;
    } else if (query.startsWith("<>", i)) {
      tokens.push({ kind: "symbol", text: "<>" });
      i += 2;
    } else if ("=(),".includes(c)) {
      tokens.push({ kind: "symbol", text: c });
      i++;
    } else throw new WiqlError(`Unexpected "${c}" in the query`);
  }
  return tokens;
}

/** A work item field's text: identity fields hold "Name <email>" or an IdentityRef. */
function fieldText(value: unknown): string {
  if (value && typeof value === "object") {
    const ref = value as { displayName?: string; uniqueName?: string };
    return `${ref.displayName ?? ""} <${ref.uniqueName ?? ""}>`;
  }
  return value === undefined || value === null ? "" : String(value);
}

export function parseWiql(query: string): WiqlQuery {
  const tokens = tokenize(query);
  let at = 0;
  const peek = () => tokens[at];
  const take = () => {
    const t = tokens[at++];
    if (!t) throw new WiqlError("The query ends too early");
    return t;
  };
  const expect = (kind: Token["kind"], text?: string) => {
    const t = take();
    if (t.kind !== kind || (text !== undefined && t.text !== text)) throw new WiqlError(`Expected ${text ?? kind} but found "${t.text}"`);
    return t;
  };
  const isWord = (text: string) => peek()?.kind === "word" && peek()!.text === text;

  expect("word", "SELECT");
  do expect("field");
  while (peek()?.text === "," && take());
  expect("word", "FROM");
  expect("word", "WORKITEMS");

  type Test = (row: WiqlRow) => boolean;
  const value = () => {
    const t = take();
    if (t.kind !== "string" && t.kind !== "number") throw new WiqlError(`Expected a value but found "${t.text}"`);
    return t.text;
  };
  const condition = (): Test => {
    if (peek()?.text === "(") {
      take();
      const inner = disjunction();
      expect("symbol", ")");
      return inner;
    }
    const field = expect("field").text;
    const get = (row: WiqlRow) => fieldText(row[field]).toLowerCase();
    const op = take();
    if (op.text === "=" || op.text === "<>") {
      const v = value().toLowerCase();
      return op.text === "=" ? (row) => get(row) === v : (row) => get(row) !== v;
    }
    if (op.kind === "word" && op.text === "CONTAINS") {
      const v = value().toLowerCase();
      return (row) => get(row).includes(v);
    }
    if (op.kind === "word" && op.text === "IN") {
      expect("symbol", "(");
      const values = [value().toLowerCase()];
      while (peek()?.text === ",") {
        take();
        values.push(value().toLowerCase());
      }
      expect("symbol", ")");
      return (row) => values.includes(get(row));
    }
    throw new WiqlError(`The operator "${op.text}" is not supported here`);
  };
  /** Consumes the keyword if it comes next. */
  const keyword = (word: string) => () => isWord(word) && Boolean(take());
  const conjunction = (): Test => joined(condition, keyword("AND"), true);
  const disjunction = (): Test => joined(conjunction, keyword("OR"), false);

  let matches: Test = () => true;
  if (isWord("WHERE")) {
    take();
    matches = disjunction();
  }
  const order: WiqlQuery["order"] = [];
  if (isWord("ORDER")) {
    take();
    expect("word", "BY");
    do {
      const field = expect("field").text;
      const direction = isWord("DESC") || isWord("ASC") ? take().text : "ASC";
      order.push({ field, descending: direction === "DESC" });
    } while (peek()?.text === "," && take());
  }
  if (at < tokens.length) throw new WiqlError(`Unexpected "${tokens[at]!.text}" in the query`);
  return { matches, order };
}
