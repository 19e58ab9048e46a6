import { inZone } from '../domain/clock'
import type { Db } from '../store/database'
import { notify, type Notification } from './notify'

const PROJECT_PAGE = '/packageLeader/pages/project/index'

/** Tells a project's leader and secretary (whoever is newly named, and not the one naming) that the project is theirs. */
export async function notifyProjectTeam(
  trx: Db,
  project: { id: string; name: string; version: number },
  named: { userId: string; as: '包抓领导' | '项目秘书' }[],
  byId: string,
  now: number,
): Promise<number> {
  const at = inZone(now).format('YYYY年M月D日 HH:mm')
  const told: Notification[] = named
    .filter((n) => n.userId !== byId)
    .map((n) => ({
      userId: n.userId,
      kind: 'project.assign',
      title: `您是重点项目「${project.name}」的${n.as}`,
      body: `一项目一领导一秘书：请跟进「${project.name}」的节点和形象进度。`,
      link: `${PROJECT_PAGE}?id=${project.id}`,
      dedupeKey: `project:${project.id}:${project.version}:${n.userId}`,
      template: 'account_notice',
      fields: { title: '重点项目包抓', note: project.name, at },
    }))
  return notify(trx, told, now)
}

/** Tells a project's leader (unless they raised it) that a problem of the project was filed as an appeal. */
export async function notifyProblemRaised(
  trx: Db,
  project: { id: string; name: string; leaderId: string },
  appeal: { id: string; title: string },
  byId: string,
  now: number,
): Promise<number> {
  if (project.leaderId === byId) return 0
  return notify(
    trx,
    [
      {
        userId: project.leaderId,
        kind: 'project.problem',
        title: `重点项目「${project.name}」反映了问题`,
        body: `${appeal.title}：已登记为诉求，按诉求办理。`,
        link: `${PROJECT_PAGE}?id=${project.id}`,
        dedupeKey: `project:${project.id}:problem:${appeal.id}`,
        template: 'account_notice',
        fields: { title: '项目问题', note: appeal.title, at: inZone(now).format('YYYY年M月D日 HH:mm') },
      },
    ],
    now,
  )
}
