import { Caller } from '../../cloud/actions/context'
import { dispatch } from '../../cloud/app/router'
import type { AppealDetail } from '../../cloud/contract'
import { findUserById } from '../../cloud/store/repositories/users'
import { town } from '../support/town'
import { makeServices } from '../support/services'
import { phonePage, see, shoot, signInAs, startHarness, tapMove, tapText, typeInto, type Harness } from './browser'

jest.setTimeout(120_000)

describe('[并案] 浏览器旅程', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(() => harness?.close())

  it('[并案] 部门负责人把同一园区反映的同类问题并案办理，一并办结后各企业都看到结果', async () => {
    const park = town.all.enterprises.filter((e) => e.park === town.enterprises.medPack.park).slice(0, 3)
    const head = town.heads.transport
    const tag = Date.now() % 100000
    const services = makeServices(harness.store, { now: Date.now() }).services
    const filed: AppealDetail[] = []
    for (const [i, enterprise] of park.entries()) {
      const caller: Caller = { kind: 'user', user: (await findUserById(harness.store.db, enterprise.owner.id))! }
      const reply = await dispatch(services, caller, 'appeal.create', {
        clientRequestId: `req-e2e-group-${tag}-${i}`,
        category: '物流通行',
        title: i === 0 ? `门前道路坑洼（${tag}）` : `门口道路坑洼积水（${tag}-${i}）`,
        description: [
          '厂区门前道路坑洼积水，货车进出困难，请求尽快修路。',
          '门口道路坑洼积水严重，大货车进出困难。',
          '园区道路坑洼，货车进出困难，下雨积水。',
        ][i],
        contactName: enterprise.owner.name,
        contactPhone: enterprise.owner.phone,
      })
      filed.push((reply.body as { data: AppealDetail }).data)
    }

    const staff = await phonePage(harness)
    await signInAs(staff.page, harness, head.name)
    await staff.page.goto(`${harness.url}/#/pages/appeal-detail/index?id=${filed[0].id}`)
    await see(staff.page, '相似诉求')
    await see(staff.page, filed[1].title)
    await see(staff.page, '勾选后并案办理')
    for (const member of filed.slice(1))
      await staff.page
        .getByRole('checkbox', { name: `选择${member.title}` })
        .filter({ visible: true })
        .click()
    await shoot(staff.page, 'appeal-similar', { fullPage: true })
    await tapText(staff.page, '并案办理（2 条）')
    await see(staff.page, '并案办理（3 条）')

    await tapMove(staff.page, '受理')
    await typeInto(staff.page, '公开摘要：一句话说明诉求，不写人名、电话等', '企业诉求已受理，正在协调办理')
    await tapText(staff.page, '确认受理')
    await see(staff.page, '已受理')
    await tapMove(staff.page, '办结')
    await staff.page
      .getByRole('textbox', { name: '办理结果：做了什么、解决了什么' })
      .filter({ visible: true })
      .fill('协调交通部门完成路面修补，已恢复通行。')
    await tapText(staff.page, '确认办结')
    await see(staff.page, `【主】${filed[0].title} · ${park[0].name} · 已办结`)
    await see(staff.page, `${filed[2].title} · ${park[2].name} · 已办结`)
    await shoot(staff.page, 'appeal-group-resolved', { fullPage: true })

    const owner = await phonePage(harness)
    await signInAs(owner.page, harness, park[2].owner.name)
    await owner.page.goto(`${harness.url}/#/pages/appeal-detail/index?id=${filed[2].id}`)
    await see(owner.page, '与其他企业反映的同类问题并案办理，办结时一并告知您结果。')
    await see(owner.page, '协调交通部门完成路面修补，已恢复通行。')
    await see(owner.page, '办理结果满意吗？')
    await shoot(owner.page, 'appeal-group-member', { fullPage: true })
    expect([...staff.errors, ...owner.errors]).toEqual([])
  })
})
