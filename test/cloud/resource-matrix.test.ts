import { Caller } from '../../cloud/actions/context'
import { dispatch } from '../../cloud/app/router'
import { actions, type ActionName } from '../../cloud/contract'
import type { Role } from '../../cloud/domain/roles'
import type { Store } from '../../cloud/store/connect'
import { findUserById, insertUser } from '../../cloud/store/repositories/users'
import { makeGuest } from '../support/factories'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

/**
 * Someone else's resource, for every action: each action of the contract is either listed with a
 * payload naming a resource of another enterprise (its appeal, visit, plan, code, messages, booth),
 * or classed as acting only on the caller's own or public data, or as town-wide for coordinators.
 * A new action fails the first test until it is placed. For every role an action admits, a person
 * of that role with no tie to enterprise B is refused, and nothing changes.
 */
/** Enterprise B: medPack, served by the town's officer (产业服务办) and the town's first leader. */
const B = town.enterprises.medPack
const B_OFFICER = town.officer.id

interface Fixture {
  /** A stranger's request to become a co-owner of B, waiting for B's approval. */
  ownerRequest: string
  appeal: { id: string; version: number }
  other: { id: string; version: number }
  visit: { id: string; version: number }
  milestone: string
  /** A goal (一个目标) of B's plan. */
  goal: string
  /** B's application for a policy (政策兑现), not yet granted. */
  claim: string
  code: string
  messageIds: string[]
  exhibitorId: string
  /** A help entry recorded for B, waiting for B's confirmation. */
  helpEntry: string
  /** An early-warning task opened for B. */
  warning: string
  /** A key project of B's, its leader B's leader and its secretary B's officer, with one open milestone. */
  project: string
  projectMilestone: string
  /** A finding of the 督查 office's inspection of B's department (产业服务办), waiting for its head's answer. */
  finding: string
}

const FOREIGN: Partial<Record<ActionName, (f: Fixture) => Record<string, unknown>>> = {
  'appeal.get': (f) => ({ id: f.appeal.id }),
  'appeal.accept': (f) => ({ ...f.appeal, publicSummary: '企业诉求已受理，正在协调办理' }),
  'appeal.return': (f) => ({ ...f.appeal, reason: '不属于本镇职责', redirectTo: '县供电公司' }),
  'appeal.progress': (f) => ({ ...f.appeal, note: '已联系企业' }),
  'appeal.resolve': (f) => ({ ...f.appeal, outcome: '已办结' }),
  'appeal.rate': (f) => ({ ...f.appeal, rating: 'satisfied' }),
  'appeal.assign': (f) => ({ ...f.appeal, officerId: town.officers.industry2.id }),
  'appeal.transfer': (f) => ({ ...f.appeal, departmentId: town.departments.planning.id, reason: '应由规划建设办办理' }),
  'appeal.requestExtension': (f) => ({ ...f.appeal, closeBy: '2026-03-20', reason: '需要排期' }),
  'appeal.decideExtension': (f) => ({ ...f.appeal, approve: true }),
  'appeal.dispute': (f) => ({ ...f.appeal, reason: '不属本部门职责' }),
  'appeal.similar': (f) => ({ id: f.appeal.id }),
  'appeal.link': (f) => ({ ...f.appeal, memberIds: [f.other.id] }),
  'appeal.merge': (f) => ({ ...f.other, intoId: f.appeal.id }),
  'appeal.followUp': (f) => ({ ...f.appeal, note: '企业表示满意' }),
  'appeal.requestInfo': (f) => ({ ...f.appeal, request: '请补充营业执照复印件' }),
  'appeal.confirmInfoRequest': (f) => ({ ...f.appeal }),
  'appeal.supplyInfo': (f) => ({ ...f.appeal, note: '已补充' }),
  'appeal.cancelInfoRequest': (f) => ({ ...f.appeal }),
  'appeal.addInfo': (f) => ({ ...f.appeal, note: '补充一点情况' }),
  'appeal.withdraw': (f) => ({ ...f.appeal, reason: '问题已自行解决' }),
  'appeal.objectReturn': (f) => ({ ...f.appeal, reason: '属于本镇职责' }),
  'appeal.contestRating': (f) => ({ ...f.appeal, reason: '评价不实' }),
  'appeal.escalate': (f) => ({ ...f.appeal, office: '县自然资源和规划局', question: '请答复用地指标' }),
  'appeal.fileFor': () => ({
    clientRequestId: 'req-foreign-file-for',
    enterpriseId: B.id,
    channel: 'phone',
    category: '其他',
    title: '来电代登记',
    description: '企业来电反映的诉求，由工作人员代为登记。',
    contactName: B.owner.name,
    contactPhone: B.owner.phone,
  }),
  'visit.get': (f) => ({ id: f.visit.id }),
  'visit.confirm': (f) => ({ ...f.visit }),
  'visit.reschedule': (f) => ({ ...f.visit, day: '2026-03-04', half: 'pm' }),
  'visit.decline': (f) => ({ ...f.visit, reason: '没空' }),
  'visit.cancel': (f) => ({ ...f.visit }),
  'visit.attest': (f) => ({ ...f.visit }),
  'visit.record': (f) => ({ ...f.visit, participants: '张三', situation: {} }),
  'visit.checkIn': (f) => ({ code: f.code }),
  'visit.book': () => ({ clientRequestId: 'req-foreign-visit', hostId: B_OFFICER, day: '2026-03-03', half: 'am', topic: '想约' }),
  'enterprise.dossier': () => ({ enterpriseId: B.id }),
  'plan.saveMilestone': () => ({ enterpriseId: B.id, title: '竣工验收', dueOn: '2026-03-20' }),
  'plan.completeMilestone': (f) => ({ id: f.milestone }),
  'claim.apply': () => ({ policyId: town.policies.techUpgradeFund.id, enterpriseId: B.id }),
  'claim.status': () => ({ policyId: town.policies.techUpgradeFund.id, enterpriseId: B.id }),
  'claim.grant': (f) => ({ id: f.claim, amount: 5, givenOn: '2026-03-01', note: '外人兑现' }),
  'plan.setTeam': () => ({ enterpriseId: B.id, members: [{ name: '外人', duty: '组长' }] }),
  'plan.saveGoal': () => ({ enterpriseId: B.id, label: '年产值', target: 5, unit: '亿元', dueOn: '2026-12-31' }),
  'plan.reportGoal': (f) => ({ id: f.goal, actual: 99 }),
  'message.read': (f) => ({ ids: f.messageIds }),
  'expo.leads': (f) => ({ exhibitorId: f.exhibitorId }),
  'enterprise.issueBindingCode': () => ({ enterpriseId: B.id }),
  'enterprise.revokeBindingCode': () => ({ enterpriseId: B.id }),
  'enterprise.owners': () => ({ enterpriseId: B.id }),
  'enterprise.decideOwner': (f) => ({ requestId: f.ownerRequest, approve: true }),
  'enterprise.removeOwner': () => ({ userId: B.owner.id }),
  // B's officer and department (产业服务办) are managed by the industry head and admins only.
  'staff.list': () => ({ departmentId: town.departments.industry.id }),
  'staff.add': () => ({
    clientRequestId: 'req-matrix-staff-add',
    name: '外部门新人',
    title: '特派员',
    phone: '13611112222',
    role: 'officer',
    departmentId: town.departments.industry.id,
  }),
  'staff.update': () => ({ id: B_OFFICER, title: '被改了' }),
  'staff.invite': () => ({ id: B_OFFICER }),
  'staff.revokeInvitation': () => ({ id: B_OFFICER }),
  'staff.deactivate': () => ({ id: B_OFFICER, reason: '越权' }),
  'staff.handover': () => ({ fromId: B_OFFICER, toId: town.officers.industry2.id }),
  'roster.assign': () => ({ enterpriseIds: [B.id], officerId: town.officers.finance.id }),
  'help.record': () => ({ enterpriseIds: [B.id], kind: 'subsidy', amount: 5, givenOn: '2026-03-01', note: '代别人记录的补贴' }),
  'help.list': () => ({ enterpriseId: B.id }),
  'help.confirm': (f) => ({ id: f.helpEntry }),
  'help.dispute': (f) => ({ id: f.helpEntry, reason: '不是我们的' }),
  'indicator.report': () => ({ enterpriseId: B.id, month: '2026-02', revenue: 1, employees: 1, tax: 0, orders: 'short' }),
  'indicator.list': () => ({ enterpriseId: B.id, month: '2026-02' }),
  'inspection.answer': (f) => ({ id: f.finding, version: 0, answer: '越权反馈' }),
  'warning.close': (f) => ({ id: f.warning, note: '越权关闭' }),
  // Staff read every key project; only its leader and admins edit it, and they and its secretary
  // report on it (another leader is refused in test/cloud/project-api.test.ts).
  'project.save': (f) => ({
    id: f.project,
    version: 0,
    name: '改名的项目',
    investment: 1,
    leaderId: town.leaders.mayor.id,
    secretaryId: town.officers.finance.id,
  }),
  'project.advanceStage': (f) => ({ id: f.project, version: 0, stage: 'started' }),
  'project.saveMilestone': (f) => ({ projectId: f.project, title: '越权节点', plannedOn: '2026-04-01' }),
  'project.completeMilestone': (f) => ({ id: f.projectMilestone, doneOn: '2026-03-02' }),
  'project.reportProgress': (f) => ({ projectId: f.project, month: '2026-03', note: '越权填报' }),
  'project.raiseProblem': (f) => ({
    projectId: f.project,
    category: '其他',
    title: '越权反映',
    description: '不是项目秘书的人反映的问题。',
  }),
}

/** Actions on the caller's own data, or on what every signed-in person may read. */
const OWN_OR_PUBLIC: ActionName[] = [
  'auth.devUsers',
  'auth.devLogin',
  'auth.me',
  'me.data',
  'me.update',
  'me.delete',
  'enterprise.bind',
  'enterprise.checkinCode',
  'policy.list',
  'policy.get',
  'policy.suggest',
  'policy.recommend',
  'policy.favourite',
  'policy.favourites',
  'policy.reach',
  'service.list',
  'service.get',
  'subscription.templates',
  'subscription.grant',
  'message.list',
  'org.directory',
  'upload.register',
  'appeal.create',
  'appeal.listMine',
  'bulletin.breakdown',
  // A head answers their own department's 督办.
  'bulletin.answerPress',
  'appeal.inbox',
  'visit.slots',
  'visit.setAvailability',
  'visit.listMine',
  'visit.compliance',
  'topic.list',
  'expo.open',
  'expo.register',
  'expo.follow',
  'staff.claim',
  'roster.list',
  // Scoped to what the caller covers.
  'warning.list',
  'claim.list',
  'indicator.late',
  // The town's setting of which figures are reported: the same for everyone, nobody's data.
  'indicator.figures',
  // Every member of staff reads every key project (owners and guests are refused by role).
  'project.list',
  'project.get',
  'project.meeting',
  'project.reviews',
  'project.review',
  // Scoped to the caller's department for a head; town-wide for leaders and the 督查 office.
  'inspection.list',
  'inspection.findings',
]

/** Town-wide by design: only leaders and admins, who coordinate every department and enterprise. */
const COORDINATORS_ONLY: ActionName[] = [
  'appeal.redispatch',
  // The 督查 office (admins) reviews returns, rules on contested ratings and spot-checks good ones, town-wide.
  'appeal.reviewReturn',
  'appeal.ruleContest',
  'appeal.spotCheck',
  'appeal.supervise',
  'appeal.sweep',
  'bulletin.month',
  'bulletin.dashboard',
  'bulletin.appeals',
  'bulletin.export',
  'bulletin.assessment',
  'bulletin.press',
  // 半年观摩 records every key project, town-wide.
  'project.takeReview',
  'topic.candidates',
  'topic.assign',
  'enterprise.assign',
  'policy.adminList',
  'policy.source',
  'policy.save',
  'policy.publish',
  'policy.withdraw',
  'expo.stats',
  'expo.adminList',
  'expo.adminGet',
  'expo.save',
  'expo.saveExhibitor',
  'expo.codes',
  'org.departments',
  'org.saveDepartment',
  'org.routing',
  'org.saveRouting',
  'org.settings',
  'org.saveVisitFrequency',
  'org.audit',
  'roster.save',
  'roster.setActive',
  'roster.template',
  'roster.import',
  'roster.export',
  'indicator.town',
  'indicator.saveFigures',
  // 一季一督查: the 督查 office and leaders inspect every department.
  'inspection.record',
  'inspection.close',
  'inspection.return',
  // 年终一考核: its weights and the lists behind its figures, town-wide.
  'assessment.weights',
  'assessment.saveWeights',
  'assessment.items',
]

/** People of each role with no tie to B (its officer, 产业服务办, its leader). */
const STRANGERS: Partial<Record<Role, string>> = {
  owner: town.enterprises.grainFoods.owner.id,
  officer: town.officers.finance.id,
  dept_head: town.heads.finance.id,
  guest: town.guest.id,
}

describe('someone else’s resource', () => {
  let store: Store
  let fixture: Fixture

  beforeAll(async () => {
    store = await makeStore()
    const { services } = makeServices(store, { now: '2026-03-02T09:00:00+08:00' })
    const api = apiAs(services)
    const b = B
    const file = (n: number) =>
      api.call(b.owner.id, 'appeal.create', {
        clientRequestId: `req-foreign-${n}`,
        category: '其他',
        title: `企业B的诉求${n}`,
        description: '企业 B 的诉求内容，别人不应看到。',
        contactName: b.owner.name,
        contactPhone: b.owner.phone,
      })
    const appeal = await file(1)
    const other = await file(2)
    await api.call(B_OFFICER, 'visit.setAvailability', {
      weekOf: '2026-03-03',
      slots: [
        { day: '2026-03-03', half: 'am' },
        { day: '2026-03-04', half: 'pm' },
      ],
    })
    const visit = await api.call(b.owner.id, 'visit.book', {
      clientRequestId: 'req-foreign-b',
      hostId: B_OFFICER,
      day: '2026-03-04',
      half: 'pm',
      topic: '企业B的走访',
    })
    const file2 = await api.call(town.heads.industry.id, 'plan.saveMilestone', {
      enterpriseId: b.id,
      title: '企业B的节点',
      dueOn: '2026-03-30',
    })
    const code = (await store.db.selectFrom('enterprises').select('checkin_code').where('id', '=', b.id).executeTakeFirstOrThrow())
      .checkin_code!
    const messages = await store.db.selectFrom('messages').select('id').where('user_id', 'in', [b.owner.id, B_OFFICER]).execute()
    const exhibitor = await store.db
      .selectFrom('exhibitors')
      .select('id')
      .where('enterprise_id', '=', town.enterprises.capsulePack.id)
      .executeTakeFirstOrThrow()
    // Someone who proved B's binding code while B has an owner: a request B must approve.
    const binding = await api.call(B_OFFICER, 'enterprise.issueBindingCode', { enterpriseId: b.id })
    const asker = makeGuest({ openid: 'o-matrix-asker' })
    await insertUser(store.db, asker)
    await api.call(asker.id, 'enterprise.bind', {
      creditCode: b.credit_code,
      bindingCode: binding.code,
      name: '申请人',
      phone: '13622223333',
    })
    const help = await api.call(B_OFFICER, 'help.record', {
      enterpriseIds: [b.id],
      kind: 'new_loan',
      amount: 300,
      givenOn: '2026-03-01',
      note: '银企对接会',
    })
    // B's 产值 a year before, then half of it: a warning task for B's officer.
    await store.db
      .insertInto('indicator_reports')
      .values({
        id: 'ind-matrix-b',
        enterprise_id: b.id,
        month: '2025-02',
        revenue: 1000,
        employees: 50,
        tax: 10,
        orders: 'enough',
        power: null,
        situation: '',
        reported_by: b.owner.id,
        reported_at: 0,
        updated_at: 0,
      })
      .execute()
    await api.call(b.owner.id, 'indicator.report', { month: '2026-02', revenue: 500, employees: 50, tax: 5, orders: 'enough' })
    const warning = await store.db.selectFrom('warning_tasks').select('id').where('enterprise_id', '=', b.id).executeTakeFirstOrThrow()
    const project = await api.call(town.admin.id, 'project.save', {
      name: '企业B扩产项目',
      enterpriseId: b.id,
      investment: 3.5,
      leaderId: b.leader_id,
      secretaryId: B_OFFICER,
    })
    const withMilestone = await api.call(town.admin.id, 'project.saveMilestone', {
      projectId: project.id,
      title: '取得施工许可',
      plannedOn: '2026-03-01',
    })
    const inspection = await api.call(town.admin.id, 'inspection.record', {
      departmentId: b.department_id,
      period: '2026-Q1',
      inspectedOn: '2026-03-02',
      summary: '季度督查',
      findings: ['走访台账不全'],
    })
    const request = await store.db.selectFrom('owner_requests').select('id').where('user_id', '=', asker.id).executeTakeFirstOrThrow()
    fixture = {
      ownerRequest: request.id,
      appeal: { id: appeal.id, version: appeal.version },
      other: { id: other.id, version: other.version },
      visit: { id: visit.id, version: visit.version },
      milestone: file2.plan[0].id,
      claim: (await api.call(B_OFFICER, 'claim.apply', { policyId: town.policies.techUpgradeFund.id, enterpriseId: b.id })).claimId!,
      goal: (
        await api.call(town.heads.industry.id, 'plan.saveGoal', {
          enterpriseId: b.id,
          label: '企业B的年产值',
          target: 5,
          unit: '亿元',
          dueOn: '2026-12-31',
        })
      ).goals[0].id,
      code,
      messageIds: messages.map((m) => m.id),
      exhibitorId: exhibitor.id,
      helpEntry: help.entries[0].id,
      warning: warning.id,
      project: project.id,
      projectMilestone: withMilestone.milestones[0].id,
      finding: inspection.findings[0].id,
    }
  })
  afterAll(() => store.close())

  /** Everything a refused call must leave as it was. */
  async function snapshot(): Promise<string> {
    const one = async (q: Promise<{ n: unknown } | undefined>) => Number((await q)?.n ?? 0)
    const db = store.db
    return JSON.stringify(
      await Promise.all([
        one(
          db
            .selectFrom('appeals')
            .select((eb) => eb.fn.sum<number>('version').as('n'))
            .executeTakeFirst(),
        ),
        one(
          db
            .selectFrom('appeal_events')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirst(),
        ),
        one(
          db
            .selectFrom('visits')
            .select((eb) => eb.fn.sum<number>('version').as('n'))
            .executeTakeFirst(),
        ),
        one(
          db
            .selectFrom('visits')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirst(),
        ),
        one(
          db
            .selectFrom('plan_milestones')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('done_at', 'is not', null)
            .executeTakeFirst(),
        ),
        one(
          db
            .selectFrom('plan_milestones')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirst(),
        ),
        one(
          db
            .selectFrom('messages')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirst(),
        ),
        one(
          db
            .selectFrom('messages')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('read_at', 'is not', null)
            .executeTakeFirst(),
        ),
        one(
          db
            .selectFrom('outbox')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirst(),
        ),
        // Who speaks for B and who serves it, the codes, the requests and the audit log.
        one(
          db
            .selectFrom('users')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('role', '=', 'owner')
            .where('enterprise_id', '=', B.id)
            .executeTakeFirst(),
        ),
        one(
          db
            .selectFrom('users')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('deactivated_at', 'is not', null)
            .executeTakeFirst(),
        ),
        one(
          db
            .selectFrom('users')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirst(),
        ),
        one(
          db
            .selectFrom('enterprises')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('officer_id', '=', B_OFFICER)
            .executeTakeFirst(),
        ),
        one(
          db
            .selectFrom('access_codes')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirst(),
        ),
        one(
          db
            .selectFrom('access_codes')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('revoked_at', 'is not', null)
            .executeTakeFirst(),
        ),
        one(
          db
            .selectFrom('owner_requests')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('state', '=', 'pending')
            .executeTakeFirst(),
        ),
        one(
          db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirst(),
        ),
        // The ledger: entries, answers, reports and open warnings.
        one(
          db
            .selectFrom('help_entries')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirst(),
        ),
        one(
          db
            .selectFrom('help_entries')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('state', '!=', 'pending')
            .executeTakeFirst(),
        ),
        one(
          db
            .selectFrom('indicator_reports')
            .select((eb) => eb.fn.sum<number>('updated_at').as('n'))
            .executeTakeFirst(),
        ),
        one(
          db
            .selectFrom('warning_tasks')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('state', '=', 'open')
            .executeTakeFirst(),
        ),
        // Key projects: edits, stage moves, milestones done and added, progress, problems raised.
        one(
          db
            .selectFrom('projects')
            .select((eb) => eb.fn.sum<number>('version').as('n'))
            .executeTakeFirst(),
        ),
        one(
          db
            .selectFrom('project_stage_changes')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirst(),
        ),
        one(
          db
            .selectFrom('project_milestones')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('done_on', 'is not', null)
            .executeTakeFirst(),
        ),
        one(
          db
            .selectFrom('project_milestones')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirst(),
        ),
        one(
          db
            .selectFrom('project_progress')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirst(),
        ),
        one(
          db
            .selectFrom('project_appeals')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirst(),
        ),
        one(
          db
            .selectFrom('inspection_findings')
            .select((eb) => eb.fn.sum<number>('version').as('n'))
            .executeTakeFirst(),
        ),
      ]),
    )
  }

  it('every action of the contract is placed: a foreign resource to test, own or public data, or coordinators only', () => {
    const placed = [...Object.keys(FOREIGN), ...OWN_OR_PUBLIC, ...COORDINATORS_ONLY]
    expect(placed.length).toBe(new Set(placed).size)
    expect([...placed].sort()).toEqual(Object.keys(actions).sort())
    // Coordinator-only actions really are: no owner, officer or head may call them.
    for (const name of COORDINATORS_ONLY)
      expect([name, actions[name].access]).toEqual([name, expect.not.arrayContaining(['owner', 'officer', 'dept_head', 'guest'])])
  })

  const cases = (Object.keys(FOREIGN) as ActionName[]).flatMap((name) =>
    (Object.keys(STRANGERS) as Role[])
      .filter((role) => (actions[name].access as readonly Role[]).includes(role))
      .map((role) => [name, role] as [ActionName, Role]),
  )

  it.each(cases)('%s by a stranger of role %s is refused and changes nothing', async (name, role) => {
    const { services } = makeServices(store, { now: '2026-03-02T10:00:00+08:00' })
    const user = (await findUserById(store.db, STRANGERS[role]!))!
    const caller: Caller = { kind: 'user', user }
    const before = await snapshot()
    const reply = await dispatch(services, caller, name, FOREIGN[name]!(fixture))
    // Marking messages read answers how many of the caller's own are unread; it touches no one else's.
    if (name !== 'message.read')
      expect([name, role, [400, 403, 404, 409].includes(reply.status) ? 'refused' : reply.status]).toEqual([name, role, 'refused'])
    expect(await snapshot()).toBe(before)
  })
})
