import { sql, type Kysely } from 'kysely'

/** Columns the appeal gains, with what an existing row holds. */
const COLUMNS: [name: string, type: 'text' | 'bigint' | 'integer', notNullDefault?: string | number][] = [
  // 公开摘要: the line staff write at acceptance for the public (Open311), no names or numbers of people.
  ['public_summary', 'text', ''],
  // 作风投诉 (吃拿卡要): held by the 督查 office or the configured 纪检 department, never seen by the person named.
  ['conduct', 'integer', 0],
  ['accused_id', 'text'],
  // 敏感诉求匿名交办: the enterprise's name is withheld from the handling department.
  ['anonymous', 'integer', 0],
  // The 12345 工单 number, when staff took it down from the hotline.
  ['hotline_ticket', 'text'],
  // 待补充: what the handler asked for, while it waits; the clock's pause and the pauses so far.
  ['info_request', 'text'],
  ['paused_at', 'bigint'],
  ['paused_ms', 'bigint', 0],
  ['pause_count', 'integer', 0],
  // 不予受理 and its review by the 督查 office: pending, upheld, overturned (or unreviewed, from before).
  ['return_outcome', 'text'],
  ['return_objected', 'integer', 0],
  // Withdrawn (撤回) after its deadline had passed: counted as not on time.
  ['withdrawn_late', 'integer', 0],
  // 解决率: whether the enterprise says its problem was solved (1/0), when it said.
  ['solved', 'integer'],
  // 申诉复核 of a 差评, and a 差评 the office set aside.
  ['rating_contest', 'text'],
  ['rating_voided', 'integer', 0],
  // 整改 of a 差评: its deadline, when it was done, whether any came late.
  ['rectify_due_at', 'bigint'],
  ['rectified_at', 'bigint'],
  ['rectify_late', 'integer', 0],
  // 回访: the latest call back (the bulletin's 回访率 reads it against the rectification).
  ['followed_up_at', 'bigint'],
  // 抽查回访 of a 好评: picked at random when rated, when checked, and what it found.
  ['spot_check_picked', 'integer', 0],
  ['spot_checked_at', 'bigint'],
  ['spot_check_result', 'text'],
]

/** The bulletin reads these besides the 0010 columns, so its covering index holds them too. */
const DASHBOARD_COLUMNS = [
  'submitted_at',
  'department_id',
  'category',
  'state',
  'responded_at',
  'accept_due_at',
  'close_due_at',
  'resolved_at',
  'resolved_late',
  'rating',
  'rating_voided',
  'solved',
  'dispute_count',
  'reopen_count',
  'due_at',
  'paused_at',
  'paused_ms',
  'pause_count',
  'return_outcome',
  'return_objected',
  'withdrawn_late',
  'rectify_due_at',
  'rectified_at',
  'rectify_late',
  'followed_up_at',
  'spot_check_picked',
  'spot_checked_at',
  'spot_check_result',
]

/**
 * Appeals to the national standard (issue 19): 待补充 with a clock that pauses only on the
 * enterprise's word, returns reviewed by the 督查 office, 好差评 in five levels with 整改, 回访,
 * 申诉复核 and 抽查回访, complaints about staff, appeals staff take down for a caller, anonymous
 * dispatch, and escalation to a county office by a signed link. Ratings keep their keys: satisfied
 * is 满意, basically_satisfied 基本满意, unsatisfied 不满意 in the five levels.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, type, fallback] of COLUMNS) {
    await db.schema
      .alterTable('appeals')
      .addColumn(name, type, (c) => (fallback === undefined ? c : c.notNull().defaultTo(fallback)))
      .execute()
  }
  // What is already there: a reworked appeal's last rework was its rectification, by the deadline
  // then in force; a return made before returns were reviewed stays unreviewed (the enterprise may
  // still object once, which sends it to the 督查 office).
  await sql`update appeals set rectify_due_at = close_due_at, rectified_at = resolved_at, rectify_late = resolved_late
            where reopen_count > 0`.execute(db)
  await sql`update appeals set return_outcome = 'unreviewed' where state = 'returned'`.execute(db)

  await db.schema.dropIndex('appeals_dashboard_idx').execute()
  await db.schema.createIndex('appeals_dashboard_idx').on('appeals').columns(DASHBOARD_COLUMNS).execute()
  // The 督查 office's queue: returns to review, contested ratings, good ratings picked for a call.
  await db.schema
    .createIndex('appeals_supervision_queue_idx')
    .on('appeals')
    .columns(['state', 'rating_contest', 'spot_check_picked'])
    .execute()

  /** 上报: a question to a county office, answered through a signed, expiring link, once. */
  await db.schema
    .createTable('appeal_escalations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('appeal_id', 'text', (c) => c.notNull().references('appeals.id'))
    .addColumn('office', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('asked_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('asked_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('answered_at', 'bigint')
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'text')
    .execute()
  await db.schema.createIndex('appeal_escalations_appeal_idx').on('appeal_escalations').columns(['appeal_id', 'asked_at']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('appeal_escalations').execute()
  await db.schema.dropIndex('appeals_supervision_queue_idx').execute()
  await db.schema.dropIndex('appeals_dashboard_idx').execute()
  await db.schema
    .createIndex('appeals_dashboard_idx')
    .on('appeals')
    .columns([
      'submitted_at',
      'department_id',
      'category',
      'state',
      'responded_at',
      'accept_due_at',
      'resolved_at',
      'resolved_late',
      'rating',
      'dispute_count',
      'reopen_count',
      'due_at',
    ])
    .execute()
  for (const [name] of [...COLUMNS].reverse()) await db.schema.alterTable('appeals').dropColumn(name).execute()
}
