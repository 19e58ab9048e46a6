import type { Tally } from './assessment'
/** A tally with what it counted, each named, for the drill behind a figure. */
export interface CountedTally extends Tally {
  items: { label: string; done: boolean }[]
}
const tally = (items: { label: string; done: boolean }[]): CountedTally => ({
  done: items.filter((i) => i.done).length,
  due: items.length,
  items,
})
import { inZone } from './clock'
import { findingOnTime, type FindingTimes } from './inspection'
import { periodOf, type Frequency } from './visit/periods'

/**
 * How each non-appeal component of the assessment is counted for one department over [from, to),
 * read at `at` (the period's end, or now while it runs). Pure: the rows come from the store.
 */

const day = (ms: number) => inZone(ms).format('YYYY-MM-DD')

/**
 * 走访达标率: each enterprise the department 包抓 owes a visit in each visiting period (the head's
 * frequency) of the assessment period; due are the periods over by `at`, and the one running only
 * once it is visited (a period still running is not yet missed). Done: a proven visit in it.
 */
export function visitTally(
  enterprises: readonly { id: string; name: string }[],
  visits: readonly { enterpriseId: string; visitedAt: number }[],
  frequency: Frequency,
  from: number,
  at: number,
): CountedTally {
  const keys: { key: string; over: boolean }[] = []
  for (let p = periodOf(frequency, from); p.from < at;) {
    if (p.from >= from) keys.push({ key: p.key, over: p.to <= at })
    const next = periodOf(frequency, p.to)
    // Before 1901 Shanghai kept local mean time (+08:05:43): a period's end can fall back inside it.
    if (next.from <= p.from) break
    p = next
  }
  const visited = new Set(
    visits.filter((v) => v.visitedAt >= from && v.visitedAt < at).map((v) => `${v.enterpriseId}|${periodOf(frequency, v.visitedAt).key}`),
  )
  const items: { label: string; done: boolean }[] = []
  for (const { id, name } of enterprises)
    for (const { key, over } of keys) {
      const hit = visited.has(`${id}|${key}`)
      if (hit || over) items.push({ label: `${name} · ${key}`, done: hit })
    }
  return tally(items)
}

/** 一企一策节点按期率: milestones due in the period by `at`; done on or before their day. */
export function milestoneTally(
  milestones: readonly { label: string; dueOn: string; doneAt: number | null }[],
  from: number,
  at: number,
): CountedTally {
  const first = day(from)
  const today = day(at)
  return tally(
    milestones
      .filter((m) => m.dueOn >= first && m.dueOn < today)
      .map((m) => ({ label: `${m.label}（${m.dueOn} 到期）`, done: m.doneAt !== null && day(m.doneAt) <= m.dueOn })),
  )
}

/**
 * 重点项目按进度率: of the department's projects (its enterprises', else its secretaries'), those not
 * behind on the day `at` falls on: no milestone past its planned day and not done by then.
 */
export function projectTally(
  projects: readonly { name: string; createdAt: number; milestones: readonly { plannedOn: string; doneOn: string | null }[] }[],
  at: number,
): CountedTally {
  const today = day(at)
  const behind = (m: { plannedOn: string; doneOn: string | null }) => m.plannedOn < today && (m.doneOn === null || m.doneOn >= today)
  return tally(projects.filter((p) => p.createdAt < at).map((p) => ({ label: p.name, done: !p.milestones.some(behind) })))
}

/** 帮扶确认率: help the department's people recorded as given in the period; done once the enterprise confirmed it. */
export function helpTally(entries: readonly { label: string; givenOn: string; state: string }[], from: number, to: number): CountedTally {
  return tally(
    entries
      .filter((e) => e.givenOn >= day(from) && e.givenOn < day(to))
      .map((e) => ({ label: `${e.label}（${e.givenOn}）`, done: e.state === 'confirmed' })),
  )
}

/** 督查整改按期率: findings due in the period and decided by `now` (findingOnTime); done when on time. */
export function inspectionTally(
  findings: readonly (FindingTimes & { label: string })[],
  from: number,
  to: number,
  now: number,
): CountedTally {
  return tally(
    findings
      .filter((f) => f.dueAt >= from && f.dueAt < to)
      .map((f) => ({ label: f.label, onTime: findingOnTime(f, now) }))
      .filter((f) => f.onTime !== null)
      .map((f) => ({ label: f.label, done: f.onTime === true })),
  )
}
