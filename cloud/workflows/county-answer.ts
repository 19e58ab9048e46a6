import type { Deps } from '../actions/context'
import type { PersonContact, UploadView } from '../contract'
import { AppError, notFound } from '../domain/errors'
import { redactPhones } from '../domain/phone'
import { answerEscalation, findAppealById, findEscalationById, type EscalationRow } from '../store/repositories/appeals'
import { findDepartmentById } from '../store/repositories/departments'
import { listAppealUploads } from '../store/repositories/uploads'
import { findUserById } from '../store/repositories/users'
import { toUploadView } from '../views/upload-view'
import { transitionAppealAs, type MoveActor } from './appeal-transition'

/** What a county office reads through its link (上报): the question, the appeal, its documents, its answer once given. */
export interface CountyCase {
  appealTitle: string
  category: string
  description: string
  /** The town's department and the person who asks, to call back. */
  town: { department: string | null; handler: PersonContact | null }
  office: string
  question: string
  askedAt: number
  expiresAt: number
  attachments: UploadView[]
  answer: string | null
  answeredAt: number | null
  answeredBy: string | null
}

type CountyDeps = Pick<Deps, 'db' | 'clock' | 'files' | 'countyLinks'>

const gone = () => notFound('链接无效或已过期，请向镇里的承办人索取新的链接')

/**
 * The escalation a token names: the token is genuine (its HMAC), unexpired, and names an
 * escalation of the very appeal it was signed for, with the expiry it was signed with. Anything
 * else answers like a link that does not exist.
 */
async function escalationOf(deps: CountyDeps, token: string): Promise<EscalationRow> {
  const claim = deps.countyLinks?.read(token)
  if (!claim) throw gone()
  const escalation = await findEscalationById(deps.db, claim.id)
  if (!escalation || !claim.signedFor(escalation.appeal_id) || escalation.expires_at !== claim.expiresAt) throw gone()
  if (escalation.expires_at < deps.clock.now()) throw gone()
  return escalation
}

async function countyCase(deps: CountyDeps, escalation: EscalationRow): Promise<CountyCase> {
  const appeal = await findAppealById(deps.db, escalation.appeal_id)
  if (!appeal) throw gone()
  const [department, asker, uploads] = await Promise.all([
    appeal.department_id ? findDepartmentById(deps.db, appeal.department_id) : undefined,
    findUserById(deps.db, appeal.handler_id ?? escalation.asked_by),
    listAppealUploads(deps.db, appeal.id),
  ])
  return {
    appealTitle: appeal.title,
    category: appeal.category,
    // The enterprise's own words, with any phone number in them masked: the county calls the town back.
    description: redactPhones(appeal.description),
    town: {
      department: department?.name ?? null,
      handler: asker ? { id: asker.id, name: asker.name, title: asker.title, phone: asker.phone } : null,
    },
    office: escalation.office,
    question: escalation.question,
    askedAt: escalation.asked_at,
    expiresAt: escalation.expires_at,
    attachments: uploads.map((upload) => toUploadView(upload, deps.files)),
    answer: escalation.answer,
    answeredAt: escalation.answered_at,
    answeredBy: escalation.answered_by,
  }
}

/** What the county office sees when it opens its link. */
export async function openCountyCase(deps: CountyDeps, token: string): Promise<CountyCase> {
  return countyCase(deps, await escalationOf(deps, token))
}

/**
 * The county office answers through its link, once. The answer lands in the appeal's timeline
 * (县级部门答复) through the same path as every move, and the handler is told; the appeal's state,
 * deadline and handler stay as they are.
 */
export async function answerCountyCase(deps: CountyDeps, token: string, answer: { text: string; by: string }): Promise<CountyCase> {
  const escalation = await escalationOf(deps, token)
  const county: MoveActor = { id: null, role: 'county', relations: () => new Set(['county']) }
  await transitionAppealAs(
    deps.db,
    county,
    {
      id: escalation.appeal_id,
      version: 'current',
      action: 'countyAnswer',
      note: `${escalation.office}答复：${answer.text}`,
      data: { escalationId: escalation.id, office: escalation.office, answeredBy: answer.by },
      alongside: async (trx, _appeal, _actor, now) => {
        if (!(await answerEscalation(trx, escalation.id, { answer: answer.text, answered_by: answer.by, answered_at: now })))
          throw new AppError('CONFLICT', '这个上报事项已经答复过了')
      },
    },
    deps.clock.now(),
  )
  return countyCase(deps, (await findEscalationById(deps.db, escalation.id))!)
}
