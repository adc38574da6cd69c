import { Effect } from 'effect'
import type { Kysely } from 'kysely'
import type { PlanInput } from '@vbe/core/plans'
import { query, upsertUser, type Conflict, type Db, type Clock, type DatabaseError, type Role } from '@vbe/server-kit'
import type { Tables } from './db.js'
import { insertPlan } from './service.js'

/** The password of every demo user. Demo only: change it (or delete the users) for real use. */
export const DEMO_PASSWORD = 'demo-password-2026'

export interface DemoUser {
  readonly username: string
  readonly displayName: string
  readonly roles: readonly Role[]
  readonly district: string | null
  readonly what: string
}

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'officer.rk', displayName: 'Amina (handläggare, Rinkeby-Kista)', roles: ['officer'], district: 'rinkeby-kista', what: 'edits and submits Rinkeby-Kista’s plan' },
  { username: 'officer2.rk', displayName: 'Jonas (handläggare, Rinkeby-Kista)', roles: ['officer'], district: 'rinkeby-kista', what: 'a second Rinkeby-Kista officer (try editing the same plan)' },
  { username: 'approver.rk', displayName: 'Leila (nämndsekreterare, Rinkeby-Kista)', roles: ['approver'], district: 'rinkeby-kista', what: 'adopts or returns (återremiss) Rinkeby-Kista’s plan' },
  { username: 'officer.nm', displayName: 'Karin (handläggare, Norrmalm)', roles: ['officer'], district: 'norrmalm', what: 'edits and submits Norrmalm’s plan' },
  { username: 'approver.nm', displayName: 'Erik (nämndsekreterare, Norrmalm)', roles: ['approver'], district: 'norrmalm', what: 'adopts or returns Norrmalm’s plan' },
  { username: 'admin', displayName: 'Stadsledningskontoret (admin)', roles: ['admin'], district: null, what: 'city-wide: overview, every plan, adopt/return' },
  { username: 'auditor', displayName: 'Revisor', roles: ['auditor'], district: null, what: 'city-wide read-only: overview, every plan, audit log' },
]

/**
 * Norrmalm: a plan drawn from what its 2015 consultation response asks for — one entry
 * point, work inside existing structures, training in every unit, the police
 * cooperation agreement, and effect indicators with baselines, targets and sources.
 * Fictional demo content, not an adopted plan.
 */
export const norrmalmPlan: PlanInput = {
  district: 'norrmalm',
  year: 2026,
  status: 'draft',
  contactPoint: { function: 'Samordnare mot våldsbejakande extremism', unit: 'Avdelningen för individ och familj', email: 'samordnare@example.org' },
  situationPicture: {
    date: '2026-02-15',
    sources: [{ title: 'Lokal lägesbild 2026', date: '2026-02-15' }],
    summary: 'Låg förekomst av organiserad våldsbejakande extremism; enstaka signaler via skola och fältverksamhet.',
    localProblemPicture: { agreement: 'Samverkansavtal Norrmalm–lokalpolisområde City 2025–2027', date: '2026-01-20', summary: 'Ungdomsbrottslighet och otrygghet kring centrala knutpunkter.' },
  },
  sections: [
    { id: 'norrmalm-single-entry-point', text: 'Samordnaren vid avdelningen för individ och familj är stadsdelens ingång.' },
    { id: 'norrmalm-passing-on-knowledge', text: 'Lokal kunskap förmedlas via samordnarnätverket till Stadsledningskontoret.' },
  ],
  activities: [
    {
      id: 'a1',
      title: 'Grundutbildning för personal som möter barn och unga',
      guidelines: ['G2'],
      perspectives: ['P1'],
      measures: ['M2'],
      directivePoints: ['D3'],
      sections: ['norrmalm-existing-structures'],
      responsible: { actorId: 'stadsdelsnamnd', level: 'district' },
      partners: ['kommunstyrelsen'],
      targetGroup: { kind: 'staff', description: 'Förskola, skola, fält och fritid, socialtjänst' },
      existingStructure: { kind: 'existing', name: 'Samverkansöverenskommelsen förskola–skola–fält/fritid–socialtjänst' },
      period: { from: '2026-01-01', to: '2026-12-31' },
      indicators: [
        {
          id: 'i1',
          name: 'Andel personal som kan beskriva rutinen vid oro',
          kind: 'effect',
          unit: 'procent',
          baseline: { value: 35, date: '2025-11-01' },
          target: { value: 80, date: '2026-12-31' },
          dataSource: 'Enkät efter utbildning och uppföljande enkät',
          owner: 'Samordnaren',
          frequency: 'tertial',
          followUps: [{ period: 'T1', value: 48, date: '2026-04-30', note: '' }],
        },
      ],
    },
    {
      id: 'a2',
      title: 'Samverkan med kommunpolisen inom samverkansavtalet',
      guidelines: ['G3'],
      perspectives: ['P2'],
      measures: ['M5'],
      directivePoints: ['D1', 'D4'],
      responsible: { actorId: 'stadsdelsnamnd', level: 'district' },
      partners: ['polisen'],
      targetGroup: { kind: 'partners', description: 'Lokalpolisområdet' },
      existingStructure: { kind: 'existing', name: 'Samverkansavtalet med polisen och lokala trygghets- och säkerhetsrådet' },
      period: { from: '2026-01-01', to: '2026-12-31' },
      risks: [
        { riskId: 'R1', mitigation: 'Informationsdelning gäller konkreta våldshandlingar och hot, inte åsikter.' },
        { riskId: 'R3', mitigation: 'Inga grupper pekas ut; bedömningar gäller individers handlingar.' },
      ],
      indicators: [
        {
          id: 'i2',
          name: 'Tid från signal till gemensam bedömning',
          kind: 'effect',
          unit: 'dagar',
          baseline: { value: 21, date: '2025-12-31' },
          target: { value: 7, date: '2026-12-31' },
          dataSource: 'Ärendeloggen i samverkansgruppen',
          owner: 'Samordnaren',
          frequency: 'tertial',
        },
      ],
    },
  ],
}

/**
 * Rinkeby-Kista: a plan with the weaknesses the 2017 reservations name. It misses
 * several directive points, and its indicators only count activities. Fictional demo
 * content modelled on the criticism, not the district's actual plan.
 */
export const rinkebyKistaPlan: PlanInput = {
  district: 'rinkeby-kista',
  year: 2017,
  status: 'submitted',
  contactPoint: { function: 'Preventionssamordnare', unit: 'Rinkeby-Kista stadsdelsförvaltning' },
  situationPicture: {
    date: '2016-03-01',
    sources: [],
    summary: 'Lägesbild från 2016.',
  },
  activities: [
    {
      id: 'b1',
      title: 'Informationsträffar i bostadsområden',
      guidelines: ['G1'],
      perspectives: ['P2'],
      measures: ['M4'],
      directivePoints: ['D6'],
      responsible: { actorId: 'stadsdelsnamnd', level: 'district' },
      targetGroup: { kind: 'residents', description: 'Boende i området' },
      existingStructure: { kind: 'new', reason: 'Ingen befintlig mötesform för boende' },
      period: { from: '2017-01-01', to: '2017-12-31' },
      indicators: [{ id: 'j1', name: 'Antal genomförda träffar', kind: 'activity', unit: 'st', owner: 'Förvaltningen', frequency: 'tertial' }],
    },
    {
      id: 'b2',
      title: 'Stadsövergripande koordinering i stadsdelen',
      guidelines: ['G2'],
      measures: ['M1'],
      directivePoints: ['D2'],
      responsible: { actorId: 'stadsdelsnamnd', level: 'district' },
      existingStructure: { kind: 'existing', name: 'Ledningsgruppen' },
      period: { from: '2017-01-01', to: '2017-12-31' },
      indicators: [
        { id: 'j2', name: 'Antal möten', kind: 'activity', unit: 'st', owner: 'Förvaltningen', frequency: 'yearly' },
        { id: 'j3', name: 'Antal utbildade', kind: 'output', unit: 'personer', owner: 'Förvaltningen', frequency: 'yearly' },
      ],
    },
  ],
}

export const DEMO_PLANS: readonly PlanInput[] = [norrmalmPlan, rinkebyKistaPlan]

/**
 * Seeds the demo users when there are no users yet, and the demo plans when there are
 * no plans yet. Returns what it did.
 */
export function seedDemo(): Effect.Effect<{ users: number; plans: number }, DatabaseError | Conflict, Db | Clock> {
  return Effect.gen(function* () {
    const counts = yield* query('demo.count', async (db: Kysely<Tables>) => {
      const users = await db.selectFrom('vbe_users').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
      const plans = await db.selectFrom('pe_plans').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
      return { users: Number(users.n), plans: Number(plans.n) }
    })
    let users = 0
    let plans = 0
    if (counts.users === 0) {
      for (const u of DEMO_USERS) {
        yield* upsertUser({ username: u.username, displayName: u.displayName, password: DEMO_PASSWORD, roles: u.roles, district: u.district })
        users++
      }
    }
    if (counts.plans === 0) {
      for (const p of DEMO_PLANS) {
        yield* insertPlan('demo-seed', p, null, 'create')
        plans++
      }
    }
    return { users, plans }
  })
}
