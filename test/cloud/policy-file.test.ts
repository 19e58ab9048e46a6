import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { splitSections, isExpired } from '../../cloud/domain/policy'
import { parsePolicyFile, PolicyFileError } from '../../cloud/store/policy-file'
import { readPolicyFiles, SEEDS_DIR } from '../../cloud/store/seed'

const valid = `---
id: pol-demo
title: 示例政策
issuer: 沧县人民政府
category: 税费
publishedAt: 2022-05-10
effectiveFrom: 2022-05-10
expiresAt: 2022-12-31
summary: 一句话看懂：示例
kinds: [小微企业]
---
## 谁能享受
小微企业

## 能享受什么
缓缴

## 怎么办理
1. 登录电子税务局
`

describe('policy files', () => {
  it('parses front matter and keeps dates as written', () => {
    const row = parsePolicyFile('demo.md', valid, 7)
    expect(row).toMatchObject({
      id: 'pol-demo',
      category: '税费',
      published_at: '2022-05-10',
      expires_at: '2022-12-31',
      kinds: '["小微企业"]',
      industries: '[]',
      doc_no: null,
      created_at: 7,
    })
    expect(splitSections(row.body)).toEqual([
      { heading: '谁能享受', text: '小微企业' },
      { heading: '能享受什么', text: '缓缴' },
      { heading: '怎么办理', text: '1. 登录电子税务局' },
    ])
  })

  it.each([
    ['category: 税费', 'category: 其他', 'category'],
    ['publishedAt: 2022-05-10', 'publishedAt: 五月十日', 'publishedAt'],
    ['id: pol-demo', 'id: Demo', 'id'],
    ['title: 示例政策\n', '', 'title'],
    ['kinds: [小微企业]', 'kinds: [小微企业]\nextra: 1', 'extra'],
    ['kinds: [小微企业]', 'kinds: [中型企业]', 'kinds.0'],
    ['## 能享受什么\n缓缴', '## 享受什么\n缓缴', 'body: 正文缺少小节 “## 能享受什么”'],
  ])('names the file and the field when %s becomes %s', (from, to, field) => {
    const broken = valid.replace(from, to)
    expect(() => parsePolicyFile('broken.md', broken, 0)).toThrow(PolicyFileError)
    expect(() => parsePolicyFile('broken.md', broken, 0)).toThrow(new RegExp(`^broken\\.md: ${field}`))
  })

  it('every seeded explainer parses and has the fixed sections, after a note on a sample or an expired measure', () => {
    const files = readdirSync(join(SEEDS_DIR, 'policies')).filter((f) => f.endsWith('.md'))
    const rows = readPolicyFiles(join(SEEDS_DIR, 'policies'), 0)
    expect(rows).toHaveLength(files.length)
    for (const row of rows) {
      const headings = splitSections(row.body).map((s) => s.heading)
      const note = ['示例说明', '已到期说明'].includes(headings[0]) ? headings.shift() : undefined
      // A town's own measure with an invented issuer or date says it is a sample; one that has ended says so.
      if (JSON.parse(row.tags).includes('示例')) expect(note).toBe('示例说明')
      if (note === '已到期说明') expect(row.expires_at).not.toBeNull()
      expect(headings).toEqual(['谁能享受', '能享受什么', '怎么办理', '常见问题', '咨询电话 / 责任部门', '原文链接'])
    }
  })

  it('a policy expires the day after its last day', () => {
    expect(isExpired('2022-12-31', '2022-12-31')).toBe(false)
    expect(isExpired('2022-12-31', '2023-01-01')).toBe(true)
    expect(isExpired(null, '2099-01-01')).toBe(false)
  })
})
