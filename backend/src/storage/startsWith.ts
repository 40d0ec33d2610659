import { col, fn, where } from "sequelize";

/**
 * A condition that `column` (its name in the table) starts with `prefix`, taken literally: LIKE
 * would read `_` and `%` in it as wildcards (repository web_app's keys would match web-app's), and
 * SQLite's LIKE has no escape character unless the query names one.
 */
export const startsWith = (column: string, prefix: string) => where(fn("substr", col(column), 1, prefix.length), prefix);
