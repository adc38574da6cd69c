/** Items that can be looked up by id. */
export interface Identified<Id extends string = string> {
  readonly id: Id
}

/** Thrown when an id is not in a collection; the message lists the ids that are. */
export class UnknownIdError extends Error {
  override readonly name = 'UnknownIdError'
  constructor(
    readonly collection: string,
    readonly id: string,
    readonly known: readonly string[],
  ) {
    super(`Unknown ${collection} id ${JSON.stringify(id)}. Known ids: ${known.join(', ')}`)
  }
}

/**
 * A read-only list of items with a typed `byId` lookup. It is a real array, so
 * `map`, `filter` and `for…of` work as usual.
 */
export type Collection<T extends Identified> = ReadonlyArray<T> & {
  /** The item with this id; throws UnknownIdError (listing the known ids) when there is none. */
  byId(id: T['id']): T
  /** The item with this id, or undefined; accepts any string, for input from outside. */
  find(id: string): T | undefined
  /** True when the id belongs to this collection (a type guard). */
  has(id: string): id is T['id']
  readonly ids: ReadonlyArray<T['id']>
}

/** Wraps validated items as a frozen Collection; rejects duplicate ids. */
export function collection<T extends Identified>(name: string, items: readonly T[]): Collection<T> {
  const index = new Map<string, T>()
  for (const item of items) {
    if (index.has(item.id)) throw new Error(`Duplicate ${name} id ${JSON.stringify(item.id)}`)
    index.set(item.id, item)
  }
  const list = [...items] as T[] & Partial<Collection<T>>
  const ids = items.map((i) => i.id)
  Object.defineProperties(list, {
    byId: {
      value: (id: string) => {
        const found = index.get(id)
        if (!found) throw new UnknownIdError(name, id, ids)
        return found
      },
    },
    find: { value: (id: string) => index.get(id) },
    has: { value: (id: string) => index.has(id) },
    ids: { value: Object.freeze(ids) },
  })
  return Object.freeze(list) as unknown as Collection<T>
}
