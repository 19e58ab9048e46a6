import { notify, type Notification } from '../../cloud/notify/notify'
import { makePolicy } from '../support/factories'
import { town } from '../support/town'
import { phonePage, see, shoot, signInAs, startHarness, type Harness } from './browser'

jest.setTimeout(90_000)

describe('[分页] 浏览器旅程', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(() => harness?.close())

  it('[分页] 45 条消息：先显示 20 条，滑到底部再加载，直到全部显示', async () => {
    const owner = town.enterprises.grainFoods.owner
    const notes: Notification[] = Array.from({ length: 45 }, (_, i) => ({
      userId: owner.id,
      kind: 'test.paging',
      title: `第 ${i + 1} 条通知`,
      body: '镇里发来的消息',
      link: '/pages/home/index',
      dedupeKey: `paging:${i}`,
      template: 'policy_new',
      fields: { title: `通知${i + 1}`, summary: '镇政府', date: '2026年3月2日' },
    }))
    await harness.store.db.transaction().execute((trx) => notify(trx, notes, harness.clock.now()))

    const { page, errors } = await phonePage(harness)
    await signInAs(page, harness, owner.name)
    await page.goto(`${harness.url}/#/pages/messages/index`)
    await see(page, '已显示 20 / 45 条，上滑加载更多')
    for (const shown of [40, 45]) {
      // A finger pushing the page up: the page's own container scrolls, as Taro's H5 router sets it.
      // (Taro fires reach-bottom again once the page has been away from the bottom: a real swipe
      // passes through the middle; one jump of the wheel would not.)
      await page.mouse.move(187, 400)
      await page.mouse.wheel(0, -300)
      await page.mouse.wheel(0, 20_000)
      await see(page, shown < 45 ? `已显示 ${shown} / 45 条，上滑加载更多` : '共 45 条，已全部显示')
    }
    // The oldest, loaded last, is there.
    await see(page, '第 1 条通知')
    await shoot(page, 'messages-all-loaded')
    expect(errors).toEqual([])
  })

  it('[分页] 超过 1000 条政策：总数只数到 1000，列表照样一页页加载', async () => {
    // 1,000 more published policies beside the town's own: the list counts up to 1,000.
    for (let batch = 0; batch < 10; batch++)
      await harness.store.db
        .insertInto('policies')
        .values(
          Array.from({ length: 100 }, (_, i) => makePolicy({ id: `pol-many-${batch * 100 + i}`, title: `稳岗返还第${batch * 100 + i}号` })),
        )
        .execute()

    const { page, errors } = await phonePage(harness)
    await signInAs(page, harness, town.enterprises.grainFoods.owner.name)
    await page.goto(`${harness.url}/#/pages/policies/index`)
    await see(page, '超过 1000 条政策')
    await page.getByText('超过 1000 条政策').scrollIntoViewIfNeeded()
    await shoot(page, 'policies-over-a-thousand')
    await see(page, '已显示 20 / 1000+ 条，上滑加载更多')
    await page.mouse.move(187, 400)
    await page.mouse.wheel(0, -300)
    await page.mouse.wheel(0, 40_000)
    await see(page, '已显示 40 / 1000+ 条，上滑加载更多')
    await page.getByText('已显示 40 / 1000+ 条，上滑加载更多').scrollIntoViewIfNeeded()
    await shoot(page, 'policies-over-a-thousand-more')
    expect(errors).toEqual([])
  })
})
