import { Lexer, type Token, type Tokens } from 'marked'

/**
 * A policy explainer's Markdown as rich-text nodes (Taro's RichText, on WeChat and in the browser).
 * marked parses; this file decides what each piece becomes. Nothing in the text becomes markup of
 * its own: raw HTML shows as the text it is, links show their words (a mini-program opens no web
 * address from rich text), images are left out. Styles are inline, in em, because WeChat's
 * rich-text takes no class from the page and no rpx.
 */
export type RichNode = { type: 'text'; text: string } | { name: string; attrs?: { style?: string }; children: RichNode[] }

const STYLE = {
  heading: 'font-weight:600;font-size:1.05em;margin:0.8em 0 0.4em',
  paragraph: 'margin:0 0 0.6em;line-height:1.7',
  list: 'margin:0 0 0.6em;padding-left:1.4em;line-height:1.7',
  item: 'margin:0.2em 0',
  strong: 'font-weight:600;color:#1d2129',
  em: 'font-style:italic',
  del: 'text-decoration:line-through',
  code: 'font-family:monospace;background:#f2f3f5;padding:0 0.2em',
  link: 'color:#1a56db;text-decoration:underline',
  quote: 'margin:0 0 0.6em;padding-left:0.8em;border-left:0.25em solid #d0d7e2;color:#4e5969',
  table: 'border-collapse:collapse;margin:0 0 0.6em;width:100%',
  cell: 'border:1px solid #d0d7e2;padding:0.3em 0.5em;text-align:left;vertical-align:top',
  rule: 'border:0;border-top:1px solid #d0d7e2;margin:0.8em 0',
} as const

const text = (value: string): RichNode => ({ type: 'text', text: value })
const el = (name: string, style: string | undefined, children: RichNode[]): RichNode => ({
  name,
  ...(style ? { attrs: { style } } : {}),
  children,
})

function inline(tokens: Token[] | undefined): RichNode[] {
  return (tokens ?? []).flatMap((token): RichNode[] => {
    switch (token.type) {
      case 'strong':
        return [el('strong', STYLE.strong, inline((token as Tokens.Strong).tokens))]
      case 'em':
        return [el('em', STYLE.em, inline((token as Tokens.Em).tokens))]
      case 'del':
        return [el('span', STYLE.del, inline((token as Tokens.Del).tokens))]
      case 'codespan':
        return [el('span', STYLE.code, [text((token as Tokens.Codespan).text)])]
      case 'link':
        return [el('span', STYLE.link, inline((token as Tokens.Link).tokens))]
      case 'br':
        return [el('br', undefined, [])]
      case 'image':
        return []
      case 'text': {
        const t = token as Tokens.Text
        return t.tokens ? inline(t.tokens) : [text(t.text)]
      }
      // html, escape and anything unknown: the characters as written.
      default:
        return [text('text' in token && typeof token.text === 'string' ? token.text : token.raw)]
    }
  })
}

function block(tokens: Token[]): RichNode[] {
  return tokens.flatMap((token): RichNode[] => {
    switch (token.type) {
      case 'space':
        return []
      case 'heading':
        return [el('div', STYLE.heading, inline((token as Tokens.Heading).tokens))]
      case 'paragraph':
        return [el('p', STYLE.paragraph, inline((token as Tokens.Paragraph).tokens))]
      case 'list': {
        const list = token as Tokens.List
        return [
          el(
            list.ordered ? 'ol' : 'ul',
            STYLE.list,
            list.items.map((item) => el('li', STYLE.item, block(item.tokens))),
          ),
        ]
      }
      case 'blockquote':
        return [el('div', STYLE.quote, block((token as Tokens.Blockquote).tokens))]
      case 'table': {
        const table = token as Tokens.Table
        const row = (cells: Tokens.TableCell[], name: 'th' | 'td') =>
          el(
            'tr',
            undefined,
            cells.map((cell) => el(name, STYLE.cell, inline(cell.tokens))),
          )
        return [el('table', STYLE.table, [row(table.header, 'th'), ...table.rows.map((cells) => row(cells, 'td'))])]
      }
      case 'hr':
        return [el('hr', STYLE.rule, [])]
      case 'code':
        return [el('p', `${STYLE.paragraph};${STYLE.code}`, [text((token as Tokens.Code).text)])]
      // A list item's loose text, and text at the top level.
      case 'text': {
        const t = token as Tokens.Text
        return t.tokens ? inline(t.tokens) : [text(t.text)]
      }
      default:
        return [el('p', STYLE.paragraph, [text(token.raw.trim())])]
    }
  })
}

/** Markdown → rich-text nodes; the same input always gives the same nodes. */
export function markdownNodes(markdown: string): RichNode[] {
  return block(Lexer.lex(markdown, { gfm: true }))
}
