/**
 * 帮办代办: the proxy services a town's 帮办代办 officers run for people and enterprises, in three
 * groups as the county's catalogue has them. "请帮我办" files an appeal (审批手续, source 'proxy')
 * for one item, which officers then handle and the owner follows like any appeal.
 */
export const SERVICE_GROUPS = ['自然人', '法人', '工程建设'] as const
export type ServiceGroup = (typeof SERVICE_GROUPS)[number]

export interface ServiceItem {
  /** svc- and a short English slug. */
  id: string
  group: ServiceGroup
  /** The matter as the service hall names it, e.g. 个体工商户设立登记. */
  name: string
  /** What it is for, in a sentence a person understands. */
  purpose: string
  /** What to bring or upload. */
  materials: string[]
  /** What happens, in order, with the officer doing the running. */
  steps: string[]
  /** How long it takes, as the office commits to it, or where to ask when that varies. */
  timeLimit: string
  /**
   * The limit in working days, where the window publishes one: a 请帮我办 request for the item is
   * due to close at the end of that working day (the general rule otherwise).
   */
  workingDays?: number
  /** The office that decides it. */
  department: string
}
