/**
 * What is pushed as a WeChat subscribe message (订阅消息), as data: each kind of notification is one
 * template with its fields. The template ids and which template key each field fills are
 * configuration (SUBSCRIBE_TEMPLATES); the types here are WeChat's, with their length limits.
 * No imports: the app asks for subscription with the same kinds.
 */
export const FIELD_LIMITS = {
  /** 事物: up to 20 characters of any kind. */
  thing: 20,
  /** 短语: up to 5 Chinese characters. */
  phrase: 5,
  /** 人名: up to 10 characters. */
  name: 10,
  /** 字符串: up to 32 letters, digits and symbols. */
  character_string: 32,
  /** 时间 and 日期 are formatted, never cut. */
  time: Infinity,
  date: Infinity,
} as const
export type FieldType = keyof typeof FIELD_LIMITS

export const TEMPLATES = {
  /** To an owner: their appeal was accepted, returned, progressed or resolved. */
  appeal_update: { label: '诉求办理进度', fields: { title: 'thing', state: 'phrase', note: 'thing', at: 'time' } },
  /** To staff: work arrived (a new, assigned, transferred or disputed appeal), or a deadline nears or passed. */
  appeal_task: { label: '诉求待办提醒', fields: { title: 'thing', task: 'thing', due: 'time' } },
  /** To an owner: a newly published policy fits their enterprise. */
  policy_new: { label: '惠企政策推送', fields: { title: 'thing', summary: 'thing', date: 'date' } },
  /** To an owner or a visitor: a visit was booked, confirmed, moved, declined or cancelled, or is tomorrow. */
  visit_update: { label: '走访预约提醒', fields: { topic: 'thing', state: 'phrase', time: 'thing', note: 'thing' } },
  /** To an owner or staff: someone bound to their enterprise or asks to, their officer changed, work was handed to them. */
  account_notice: { label: '账号与企业绑定通知', fields: { title: 'thing', note: 'thing', at: 'time' } },
} as const satisfies Record<string, { label: string; fields: Record<string, FieldType> }>

export type TemplateKind = keyof typeof TEMPLATES
export const TEMPLATE_KINDS = Object.keys(TEMPLATES) as TemplateKind[]

/**
 * A value cut to what its template key takes, counting characters (not bytes, not UTF-16 units):
 * a long title keeps its first characters and ends in …, as WeChat would otherwise refuse it.
 */
export function fitField(type: FieldType, value: string): string {
  const limit = FIELD_LIMITS[type]
  const characters = Array.from(value.replace(/\s+/g, ' ').trim())
  if (characters.length <= limit) return characters.join('')
  return `${characters.slice(0, limit - 1).join('')}…`
}
