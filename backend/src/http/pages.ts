import { Op, type FindOptions, type Model, type ModelStatic, type WhereOptions } from "sequelize";
import { z, type ZodType } from "zod";
import type { Page, PageQuery } from "@groundwork/shared-types";
import { badRequest } from "./errors.js";

/** Opaque to clients: the sort key of the last item handed out, so the next page starts after it whatever was added since. */
export const encodeCursor = (position: unknown) => Buffer.from(JSON.stringify(position)).toString("base64url");

export function decodeCursor<T>(cursor: string, schema: ZodType<T>): T {
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (parsed.success) return parsed.data;
  } catch {
    // not base64url JSON: refused below like any other foreign cursor
  }
  throw invalidCursor();
}

const invalidCursor = () => badRequest("invalid_cursor", "cursor is not one this list handed out; start again without it", "query.cursor");

function dateIn(raw: string) {
  const date = new Date(raw);
  if (Number.isNaN(date.getTime())) throw invalidCursor();
  return date;
}

export interface Sort {
  /** Attribute to order by; ties are broken by id in the same direction. */
  by: string;
  direction: "ASC" | "DESC";
}

const Position = z.tuple([z.string().max(400), z.uuid()]);

/**
 * One page of rows in keyset order: each page is a bounded index range, so reading page 40
 * costs what reading page 1 does, and rows added meanwhile never shift or repeat items.
 */
export async function keysetPage<M extends Model & { id: string }>(
  model: ModelStatic<M>,
  options: FindOptions<M> & { where: WhereOptions<M> },
  sort: Sort,
  page: PageQuery,
): Promise<Page<M>> {
  let where: WhereOptions<M> = options.where;
  if (page.cursor) {
    const [raw, id] = decodeCursor(page.cursor, Position);
    const value = isDateAttribute(model, sort.by) ? dateIn(raw) : raw;
    const beyond = sort.direction === "DESC" ? Op.lt : Op.gt;
    where = {
      [Op.and]: [options.where, { [Op.or]: [{ [sort.by]: { [beyond]: value } }, { [sort.by]: value, id: { [beyond]: id } }] }],
    } as WhereOptions<M>;
  }
  const rows = await model.findAll({
    ...options,
    where,
    order: [
      [sort.by, sort.direction],
      ["id", sort.direction],
    ],
    limit: page.limit + 1,
  });
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  if (rows.length <= page.limit || !last) return { items, nextCursor: null };
  const value = last.get(sort.by as never) as unknown;
  return { items, nextCursor: encodeCursor([value instanceof Date ? value.toISOString() : String(value), last.id]) };
}

const isDateAttribute = (model: ModelStatic<Model>, name: string) => (model.getAttributes()[name]?.type as { key?: string } | undefined)?.key === "DATE";

/** The same page with its items presented for the API. */
export const presentPage = async <M, T>(page: Page<M>, present: (rows: M[]) => T[] | Promise<T[]>): Promise<Page<T>> => ({
  items: await present(page.items),
  nextCursor: page.nextCursor,
});
