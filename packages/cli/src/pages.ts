/** A page of a cursor-paged list, as every Sharehood list answers. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * One page (from `cursor`), or with `all` every page from there on, as one page whose
 * `nextCursor` is null. Commands print the result as it is with `--json`, so a script can page
 * through a list itself with `--cursor`.
 */
export async function readPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  options: { all?: boolean; cursor?: string },
): Promise<Page<T>> {
  const first = await fetchPage(options.cursor);
  if (!options.all) return first;
  const items = [...first.items];
  let cursor = first.nextCursor;
  while (cursor) {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    cursor = page.nextCursor;
  }
  return { items, nextCursor: null };
}
