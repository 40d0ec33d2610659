/** A test a host's query language (WIQL, Bitbucket's filter) makes of one listed object. */
export type RowTest<T = unknown> = (row: T) => boolean;

/**
 * `part (KEYWORD part)*`: the parts joined by AND (every one must hold) or OR (any one), where
 * `next` says whether the keyword comes next and consumes it. Both hosts' query languages bind
 * AND tighter than OR, so OR joins AND-groups.
 */
export function joined<T>(part: () => RowTest<T>, next: () => boolean, every: boolean): RowTest<T> {
  const parts = [part()];
  while (next()) parts.push(part());
  return every ? (row) => parts.every((p) => p(row)) : (row) => parts.some((p) => p(row));
}
