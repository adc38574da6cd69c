/**
 * A three-way merge of plan documents, used when a save meets a newer version. Objects
 * are merged key by key and arrays of items with an `id` (activities, indicators) item
 * by item: a value changed on only one side is taken from that side; a value changed
 * differently on both sides is a conflict the user resolves (the result keeps theirs).
 */
type Obj = Record<string, unknown>
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const isIdList = (v: unknown): v is Obj[] => Array.isArray(v) && v.every((x) => isObj(x) && typeof x['id'] === 'string')

function merge(b: unknown, m: unknown, t: unknown, path: string, conflicts: string[]): unknown {
  if (same(m, t) || same(m, b)) return t
  if (same(t, b)) return m
  if (isObj(m) && isObj(t)) {
    const base = isObj(b) ? b : {}
    const out: Obj = {}
    for (const k of new Set([...Object.keys(t), ...Object.keys(m)])) {
      const v = merge(base[k], m[k], t[k], path ? `${path}.${k}` : k, conflicts)
      if (v !== undefined) out[k] = v
    }
    return out
  }
  if (isIdList(m) && isIdList(t)) {
    const index = (list: Obj[]) => new Map(list.map((x) => [String(x['id']), x]))
    const B = isIdList(b) ? index(b) : new Map<string, Obj>()
    const M = index(m)
    const T = index(t)
    const ids = [...T.keys(), ...[...M.keys()].filter((id) => !T.has(id))]
    const out: unknown[] = []
    for (const id of ids) {
      const v = merge(B.get(id), M.get(id), T.get(id), `${path}[${id}]`, conflicts)
      if (v !== undefined) out.push(v)
    }
    return out
  }
  conflicts.push(path || '(document)')
  return t ?? m
}

export function mergePlans<P>(base: P, mine: P, theirs: P): { merged: P; conflicts: string[] } {
  const conflicts: string[] = []
  const merged = merge(base, mine, theirs, '', conflicts) as P
  return { merged, conflicts }
}
