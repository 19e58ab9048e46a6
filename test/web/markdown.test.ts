import { markdownNodes, type RichNode } from '../../src/utils/markdown'

/** The words a reader sees, in order. */
const words = (nodes: RichNode[]): string => nodes.map((n) => ('type' in n ? n.text : words(n.children))).join('')
/** Every element's name, depth first. */
const names = (nodes: RichNode[]): string[] => nodes.flatMap((n) => ('type' in n ? [] : [n.name, ...names(n.children)]))

describe('policy Markdown as rich text', () => {
  it('keeps emphasis, lists and headings as elements, with the words intact', () => {
    const nodes = markdownNodes('符合条件的**规上企业**可申请：\n\n- 设备投资的 *10%*\n- 最高 **500 万元**\n\n### 怎么办\n1. 报名\n2. 审核')
    expect(names(nodes)).toEqual(['p', 'strong', 'ul', 'li', 'em', 'li', 'strong', 'div', 'ol', 'li', 'li'])
    expect(words(nodes)).toBe('符合条件的规上企业可申请：设备投资的 10%最高 500 万元怎么办报名审核')
  })

  it('draws a table with a header row', () => {
    const nodes = markdownNodes('| 档次 | 补助 |\n|---|---|\n| 一档 | 20 万元 |')
    expect(names(nodes)).toEqual(['table', 'tr', 'th', 'th', 'tr', 'td', 'td'])
  })

  it('turns nothing written into markup: raw HTML is text, links show their words only, images are dropped', () => {
    const nodes = markdownNodes('<img src=x onerror=alert(1)> [申报入口](javascript:alert(1)) ![图](http://example.com/a.png)')
    expect(names(nodes)).toEqual(['p', 'span'])
    expect(words(nodes)).toBe('<img src=x onerror=alert(1)> 申报入口 ')
    expect(JSON.stringify(nodes)).not.toContain('javascript:')
    expect(JSON.stringify(nodes)).not.toContain('href')
  })

  it('gives every element only an inline style, and nothing else', () => {
    const attrs = (ns: RichNode[]): string[] =>
      ns.flatMap((n) => ('type' in n ? [] : [...Object.keys(n.attrs ?? {}), ...attrs(n.children)]))
    expect(new Set(attrs(markdownNodes('# 标题\n\n**粗** `码`\n\n> 引\n\n---')))).toEqual(new Set(['style']))
  })
})
