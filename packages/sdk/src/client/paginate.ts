import type { RequestOptions } from "./call-route.ts";

/** The input of a cursor-paged list: whatever it takes, with an optional `query.cursor`. */
export interface PagedInput {
  query?: { cursor?: string | undefined } | undefined;
}

/** One page of a cursor-paged list, as every list endpoint answers. */
export interface PageOf<T> {
  items: T[];
  nextCursor: string | null;
}

/** A list endpoint of the client, such as `client.items.list`. */
export type PagedEndpoint<Input extends PagedInput, T> = (
  input: Input,
  options?: RequestOptions,
) => Promise<PageOf<T>>;

/**
 * Yields every item of a cursor-paged list, fetching the next page only when the previous one has
 * been consumed; stops when a page has no `nextCursor`, or when the loop is left early.
 * `input.query.cursor`, when given, is where the walk starts. Each page is one request with the
 * `options` given (retries, timeout and signal apply per page).
 *
 * @example
 * for await (const loan of paginate(client.loans.list, { query: { role: "owner" } })) { … }
 */
export async function* paginate<Input extends PagedInput, T>(
  list: PagedEndpoint<Input, T>,
  input: Input,
  options?: RequestOptions,
): AsyncGenerator<T, void, undefined> {
  let cursor = input.query?.cursor;
  const seen = new Set<string>();
  for (;;) {
    const page = await list({ ...input, query: { ...input.query, cursor } }, options);
    yield* page.items;
    if (page.nextCursor === null) return;
    // A server answering a cursor it already gave would keep this loop going for ever.
    if (seen.has(page.nextCursor)) throw new Error(`paginate: the cursor ${page.nextCursor} came back twice`);
    seen.add(page.nextCursor);
    cursor = page.nextCursor;
  }
}

/** Turns a list endpoint into its `listAll`: the same input, every item of every page. */
export function iterate<Input extends PagedInput, T>(list: PagedEndpoint<Input, T>) {
  return (input: Input, options?: RequestOptions): AsyncGenerator<T, void, undefined> =>
    paginate(list, input, options);
}
