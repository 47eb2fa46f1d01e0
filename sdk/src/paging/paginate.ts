// Auto-paging over any list operation of any service: the coordinator names its lists (`services`,
// `jobs`, …) and the node, wallet and exchange call theirs `items`, but every list page has exactly
// one array and a `page.next_cursor`, so one iterator serves them all.

/** What every list page shares: the cursor of the next page (`null` on the last). */
export interface ListPage {
  page: { next_cursor: string | null };
}

/** The element type of the one array in a list page (`services`, `jobs`, `items`, …). */
export type PageItem<P> = {
  [K in keyof P]-?: P[K] extends readonly (infer T)[] ? T : never;
}[keyof P];

/** Any method of a generated client: it takes one options object (with `query`) and answers a promise. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any operation of any generated client
type AnyMethod = (options?: any) => Promise<unknown>;

/** The generated methods of `A` that return a list page. */
export type ListOperation<A> = {
  [K in keyof A]: A[K] extends AnyMethod ? (ListResult<A, K> extends ListPage ? K : never) : never;
}[keyof A];

/** The query of list operation `K` (filters, `limit`, `cursor`). */
export type ListQuery<A, K extends keyof A> = A[K] extends (options?: infer O) => unknown
  ? NonNullable<NonNullable<O> extends { query?: infer Q } ? Q : never>
  : never;
/** The page that list operation `K` answers. */
export type ListResult<A, K extends keyof A> = A[K] extends (...args: never[]) => infer R
  ? NonNullable<Awaited<R>>
  : never;

export interface PaginateOptions {
  /** Stops the iteration (the pending request is aborted too). */
  signal?: AbortSignal;
  /** Stop after this many items in all, whatever the page size. */
  maxItems?: number;
}

/**
 * Every item of a list, page after page, fetching the next page only when the loop asks for it:
 *
 *   for await (const s of paginate(client.coordinator, "listServices", { model: "llama3" }))
 *
 * `query.limit` sets the page size; `query.cursor` starts in the middle of a list.
 */
export async function* paginate<A extends object, K extends ListOperation<A> & keyof A>(
  api: A,
  operation: K,
  query?: ListQuery<A, K>,
  options: PaginateOptions = {},
): AsyncGenerator<PageItem<ListResult<A, K>>, void, undefined> {
  const call = (api[operation] as AnyMethod).bind(api);
  const filters = (query ?? {}) as { cursor?: string };
  let cursor = filters.cursor;
  let yielded = 0;
  const seen = new Set<string>();
  for (;;) {
    options.signal?.throwIfAborted();
    const data = (await call({
      query: { ...filters, cursor },
      signal: options.signal,
    })) as ListPage;
    for (const item of itemsOf(data)) {
      if (options.maxItems !== undefined && yielded >= options.maxItems) return;
      yielded++;
      yield item as PageItem<ListResult<A, K>>;
    }
    const next = data.page.next_cursor;
    if (next === null) return;
    // A server that hands back a cursor it already gave would loop forever; say so instead.
    if (seen.has(next)) throw new Error(`paginate: the server repeated the cursor ${next}`);
    seen.add(next);
    cursor = next;
  }
}

function itemsOf(page: ListPage): unknown[] {
  const arrays = Object.values(page).filter(Array.isArray);
  if (arrays.length !== 1)
    throw new Error(`paginate: a list page has one array of items, this one has ${arrays.length}`);
  return arrays[0]!;
}
