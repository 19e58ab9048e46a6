import { PostgresAdapter, sql, type Kysely, type RawBuilder, type Selectable, type SelectQueryBuilder, type Updateable } from 'kysely'
import { LRUCache } from 'lru-cache'
import type { Database } from '../database'
import type { PoliciesTable } from '../tables/policies'

export type PolicyRow = Selectable<PoliciesTable>

export interface PolicyFilter {
  category?: string
  keyword?: string
  /** 'latest': newest first. 'expiring': in force and ending within `expiringBy`, soonest first. */
  sort: 'latest' | 'expiring'
  /** 'scan' leaves the search indexes aside and confirms every word by LIKE; for the bench and the tests that compare. */
  via?: 'index' | 'scan'
  /** Where the total stops counting (COUNT_UP_TO); smaller in the tests. */
  countUpTo?: number
  today: string
  expiringBy: string
  limit: number
  offset: number
}

/** `%` and `_` in what a person types are literal characters, not wildcards. */
function likePattern(keyword: string): string {
  return `%${keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

// An explicit ESCAPE makes the backslash mean the same on SQLite and PostgreSQL.
const like = (text: RawBuilder<unknown>, term: string) => sql<boolean>`${text} like ${likePattern(term)} escape '\\'`

/** How well a policy answers the search words: a title match outranks a summary or tag match, which outranks the body. */
const RANK = { title: 8, summary: 3, tags: 3 } as const

/** How many of the newest policies PostgreSQL first reads a page of the best matches from (the newest steps, below). */
const NEWEST = 2_000

/** A list's total counts this many matches at most; past it, the list says "1,000+". */
export const COUNT_UP_TO = 1_000

/** What a list shows of a policy: its summary, without the body. */
export const POLICY_LIST_COLUMNS = ['id', 'title', 'issuer', 'doc_no', 'category', 'summary', 'published_at', 'expires_at'] as const

/** A row of the list: the policy's summary and how well it answers the search words. */
export type PolicyListRow = Pick<PolicyRow, (typeof POLICY_LIST_COLUMNS)[number]> & { rank: number }

function searchTerms(keyword: string | undefined): string[] {
  return [...new Set((keyword ?? '').split(/\s+/).filter(Boolean))].slice(0, 5)
}

/** A trigram of the FTS5 index as a phrase of a MATCH expression. */
const phrase = (text: string) => `"${text.replace(/"/g, '""')}"`

/** The 1- and 2-character words whose trigrams would make the MATCH expression too long; left to the LIKE. */
const MAX_TRIGRAMS_PER_WORD = 400

/** A word with a letter that has case: the tokenizer's Unicode folding and LIKE's ASCII-only one may disagree on it. */
const hasCase = (term: string) => term.toLowerCase() !== term.toUpperCase()

/**
 * What SQLite's FTS5 table says about the search words: `match`, an expression every policy
 * holding all the words satisfies (null when no word can narrow the search, 'none' when some word
 * occurs nowhere), and `exact`, the words for which a match is the same as LIKE's answer, so the
 * long body need not be read again to confirm them.
 *
 * A phrase of trigrams matches where the word occurs in one column, as LIKE '%word%' does; folding
 * changes only letters that have case, so for a word with none the two agree exactly. Words with
 * such letters are matched with folding (more rows, never fewer) and confirmed by the LIKE.
 *
 * Trigram indexes hold no token shorter than 3 characters, and Chinese words are often 2 (贷款,
 * 补贴). Every column is indexed with two trailing newlines, so a shorter word that occurs is the
 * start of some indexed trigram: those trigrams are read from the vocabulary and OR-ed. A short word
 * with a non-ASCII cased letter (whose folding JavaScript might do otherwise), or one that starts
 * too many trigrams to list, is left to the LIKE alone.
 *
 * With `holders` asked for and a single word of two or three characters, `holders` says at least
 * how many policies hold it in their title, in their title, summary or tags, and in any one column:
 * the most that hold any one of its trigrams there (the vocabulary's count per column, 0040).
 * Otherwise the vocabulary's count per row is read, a quarter cheaper (a word of one character
 * starts hundreds of trigrams).
 */
async function ftsSearch(
  db: Kysely<Database>,
  terms: string[],
  wantHolders: boolean,
): Promise<{ match: string | null | 'none'; exact: Set<string>; holders: Holders }> {
  const parts: string[] = []
  const exact = new Set<string>()
  let holders = NO_HOLDERS
  const perColumn = wantHolders && terms.length === 1
  let version: number | undefined
  const read = async (start: string, by: 'row' | 'column') => {
    version ??= (await db.selectFrom('policy_search_version').select('version').executeTakeFirstOrThrow()).version
    return vocabulary(db, version, start, by)
  }
  for (const term of terms) {
    const length = [...term].length
    if (length >= 3) {
      parts.push(phrase(term))
      if (!hasCase(term)) exact.add(term)
      if (length === 3 && perColumn && !hasCase(term)) holders = (await read(term, 'column')).holders
      continue
    }
    if ([...term].some((c) => c > '\x7f' && hasCase(c))) continue
    const { grams, holders: held } = await read(term.toLowerCase(), length === 2 && perColumn ? 'column' : 'row')
    if (grams.length === 0) return { match: 'none', exact, holders }
    if (grams.length > MAX_TRIGRAMS_PER_WORD) continue
    parts.push(`(${grams.map(phrase).join(' OR ')})`)
    if (!hasCase(term)) exact.add(term)
    if (length === 2 && perColumn) holders = held
  }
  return { match: parts.length ? parts.join(' AND ') : null, exact, holders }
}

/**
 * The trigrams of the FTS5 vocabulary that start with `start` (up to one more than can be listed;
 * a trigram itself when it is one), and the holders those trigrams show when read by `column`
 * (none by `row`).
 *
 * fts5vocab counts every posting of every trigram it lists, so the read grows with the policies
 * that hold the word (贷款 at 50,000 policies: 1.6 ms by row, 2.4 by column) though its answer
 * changes only when a policy's text or status does. Each answer is kept by the search version it
 * was read at (0041), which every such write changes in its own transaction; a search reads the
 * version in the transaction it reads the FTS5 table in, so a kept answer is the one it would read.
 */
async function vocabulary(
  db: Kysely<Database>,
  version: number,
  start: string,
  by: 'row' | 'column',
): Promise<{ grams: string[]; holders: Holders }> {
  const key = `${version} ${by} ${start}`
  const kept = vocabularies.get(key)
  if (kept) return kept
  const counts = sql`max(case when col = 'title' then doc end) as title, max(case when col <> 'body' then doc end) as short, max(doc) as "inOneColumn"`
  const range = sql`term >= ${start} and term <= ${start} || char(1114111, 1114111, 1114111)`
  const limit = MAX_TRIGRAMS_PER_WORD + 1
  const { rows } = await (
    by === 'column'
      ? sql<VocabularyRow>`select term, ${counts} from policies_fts_columns where ${range} group by term limit ${limit}`
      : sql<VocabularyRow>`select term from policies_fts_terms where ${range} limit ${limit}`
  ).execute(db)
  const grams = rows.filter((r) => r.term.startsWith(start))
  const most = (column: keyof Holders) => Math.max(0, ...grams.map((r) => Number(r[column] ?? 0)))
  const read = {
    grams: grams.map((g) => g.term),
    holders: { title: most('title'), short: most('short'), inOneColumn: most('inOneColumn') },
  }
  vocabularies.set(key, read)
  return read
}

type VocabularyRow = { term: string } & Partial<Holders>

/** The vocabulary's answers by search version, way and start (a few kilobytes each at most). */
const vocabularies = new LRUCache<string, { grams: string[]; holders: Holders }>({ max: 2_000 })

/**
 * At least how many policies hold a word in their title, and in their title, summary or tags; and
 * the most that hold one of its trigrams in any one column (a policy may count in several columns).
 */
interface Holders {
  title: number
  short: number
  inOneColumn: number
}

const NO_HOLDERS: Holders = { title: 0, short: 0, inOneColumn: 0 }

/**
 * The pieces a word is looked for by in policies_pieces_idx (0034), by character as PostgreSQL's
 * string_to_array counts them: a word of two or three characters is a piece itself; a longer one
 * is looked for by its three-character pieces.
 */
function piecesOf(term: string): string[] {
  const chars = Array.from(term)
  if (chars.length <= 3) return chars.length > 1 ? [term] : []
  return chars.slice(2).map((char, i) => chars[i] + chars[i + 1] + char)
}

/** PostgreSQL's indexes of the pieces of the title and of the summary and tags (0043), by their own expressions. */
const TITLE_PIECES = sql`policy_pieces(title)`
const SUMMARY_TAGS_PIECES = sql`policy_pieces(summary || E'\\n' || tags)`

/**
 * On PostgreSQL, the policies holding every piece of the words, from policies_pieces_idx (0034);
 * the expression is the index's own, so the planner matches it. Answers the condition (none if
 * every word is one character) and the words it finds exactly: those that are a piece themselves.
 */
function piecesSearch(terms: string[]): { where: RawBuilder<boolean> | null; exact: Set<string> } {
  const pieces = [...new Set(terms.flatMap(piecesOf))]
  if (pieces.length === 0) return { where: null, exact: new Set() }
  const doc = sql`policy_pieces(title || E'\\n' || summary || E'\\n' || tags || E'\\n' || body)`
  return {
    where: sql<boolean>`${doc} @> array[${sql.join(pieces)}]::text[]`,
    exact: new Set(terms.filter((term) => [2, 3].includes(Array.from(term).length))),
  }
}

/**
 * Published policies with the total that matches. With search words, every word must appear
 * somewhere, and the best-ranked come first; without, newest first (or soonest to end).
 */
export function listPublishedPolicies(db: Kysely<Database>, filter: PolicyFilter) {
  const terms = searchTerms(filter.keyword)
  // A list may read an index first and the policies after (on SQLite, the vocabulary, then the
  // FTS5 table and the page), and a page before its count: one transaction makes them one snapshot,
  // so a policy published in between is either wholly there or not at all. PostgreSQL's is
  // repeatable read for that (a read-only one never fails to serialize); SQLite's always is.
  //
  // On PostgreSQL, the pieces function is costed as the read of a whole body (0028, 0034), so that
  // the planner never works it out row by row; the same cost makes every search look heavy, and
  // the planner would answer with parallel workers and JIT compilation that take longer than the
  // search (at 50,000 policies, a word held by 18,000: 67 ms with them, 27 ms without). The store's
  // sessions have both off (connect.ts).
  const read = (trx: Kysely<Database>) => readPublishedPolicies(trx, filter, terms)
  return db.isTransaction ? read(db) : db.transaction().setIsolationLevel('repeatable read').execute(read)
}

async function readPublishedPolicies(db: Kysely<Database>, filter: PolicyFilter, terms: string[]) {
  const indexed = terms.length > 0 && filter.via !== 'scan'
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter
  // A search on SQLite reads policy_search_rows (0032): the short columns under the policies' own
  // names, numbered as the FTS5 table's rows, so a match is read by that number and the policies
  // themselves only for the page (and for a body a word must still be confirmed in). It is typed
  // as the policies: nothing below reads a column it lacks, the body going through `text`.
  const rowsOnly = indexed && !postgres
  let query = rowsOnly
    ? (db.selectFrom('policy_search_rows as policies') as unknown as SelectQueryBuilder<Database, 'policies', object>)
    : db.selectFrom('policies')
  const text = (column: 'title' | 'summary' | 'tags' | 'body') =>
    rowsOnly && column === 'body' ? sql`(select b.body from policies b where b.id = policies.id)` : sql.ref(column)
  // SQLite's FTS5 table, or PostgreSQL's index of two- and three-character pieces, is asked first for the
  // policies that can match; the LIKE predicates below confirm the words it cannot answer exactly.
  let exact = new Set<string>()
  let match: string | null = null
  /** What the index says of every match: the query's `where` before the words are confirmed, if need be. */
  let indexMatch: RawBuilder<boolean> | null = null
  let holders = NO_HOLDERS
  // Only a single word, unfiltered and newest first, can have its page read through the short columns (below).
  const pageByColumns = terms.length === 1 && !filter.category && filter.sort === 'latest'
  const matching = (expression: string) =>
    sql<boolean>`policies.doc in (select rowid from policies_fts where policies_fts match ${expression})`
  if (indexed && postgres) {
    const pieces = piecesSearch(terms)
    indexMatch = pieces.where
    exact = pieces.exact
  } else if (indexed) {
    const fts = await ftsSearch(db, terms, pageByColumns)
    exact = fts.exact
    if (fts.match === 'none') query = query.where(sql<boolean>`0 = 1`)
    else match = fts.match
    holders = fts.holders
    if (match) indexMatch = matching(match)
  }
  query = query.where('status', '=', 'published')
  if (filter.category) query = query.where('category', '=', filter.category)
  for (const term of terms.filter((t) => !exact.has(t)))
    query = query.where((eb) => eb.or((['title', 'summary', 'tags', 'body'] as const).map((column) => like(text(column), term))))
  if (filter.sort === 'expiring') query = query.where('expires_at', '>=', filter.today).where('expires_at', '<=', filter.expiringBy)

  // Every row here matched each word somewhere, so only the short columns are looked at again: a
  // word found in none of them was found in the body, and the long body is not read twice. With its
  // wildcards escaped, LIKE answers as a plain search for the word's bytes does, always on
  // PostgreSQL and on SQLite for a word with no letter that has case; the plain search is quicker
  // (on SQLite, the rank of 7,900 matches of two words in 4.3 ms rather than 5).
  const holds = (column: RawBuilder<unknown>, term: string) =>
    postgres
      ? sql<boolean>`strpos(${column}, ${term}) > 0`
      : hasCase(term)
        ? like(column, term)
        : sql<boolean>`instr(${column}, ${term}) > 0`
  const rank = terms.length
    ? sql<number>`${sql.join(
        terms.flatMap((term) =>
          (['title', 'summary', 'tags'] as const).map(
            (column) => sql`case when ${holds(text(column), term)} then ${sql.lit(RANK[column])} else 0 end`,
          ),
        ),
        sql` + `,
      )}`
    : sql<number>`0`
  // Every match is ranked and ordered by its short columns alone (on PostgreSQL and for a listing
  // on SQLite, from policies_search_idx, 0030); only the page's rows are read whole. The matches
  // are kept once and counted from there: a window count over them kept every column it was
  // given, and spilled to disk on PostgreSQL at 18,000 matches.
  const order = filter.sort === 'expiring' ? 'expires_at' : 'published_at'
  const direction = filter.sort === 'expiring' ? 'asc' : 'desc'
  // The total counts the matches up to COUNT_UP_TO, or to the page's reach if that is further; past
  // it the list says "1,000+". Counting is a visit to every match's row on PostgreSQL (贷款 at
  // 50,000 policies: 18,422 rows, 13–15 ms), and nobody pages through a thousand.
  const reach = filter.offset + filter.limit
  const countUpTo = Math.max(filter.countUpTo ?? COUNT_UP_TO, reach)
  const outOf = (rows: PolicyListRow[], n: number) => ({ rows, total: Math.min(n, countUpTo), capped: n > countUpTo })
  /** How many rows these matches have, up to one past countUpTo. */
  const countOf = async (matches: typeof query) => {
    const kept = matches.select(sql<number>`1`.as('one')).limit(countUpTo + 1)
    return Number(
      (
        await db
          .selectFrom(kept.as('kept'))
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  }

  /**
   * The page of these matches ranked `least` or more, and when `counted`, their count (up to one
   * past countUpTo) in the same statement.
   */
  const pageOf = async (matches: typeof query, { least, counted }: { least?: number; counted: boolean }) => {
    const hits = matches.select(['id', 'published_at', 'expires_at', rank.as('rank')])
    // Counted, they are kept once for the page and the count; otherwise the page is ordered as they
    // come, and only its rows are kept (at 50,000 policies, 贷款's 7,900 titles on SQLite in 11.7 ms
    // rather than 14.9).
    const ranked = least ? sql`where rank >= ${least}` : sql``
    const total = sql<
      number | null
    >`${counted ? sql`(select count(*) from (select 1 from hits ${ranked} limit ${countUpTo + 1}) as kept)` : sql`null`}`
    let page = (
      counted
        ? db.with(
            (cte) => cte('hits').materialized(),
            () => hits,
          )
        : db.with('hits', () => hits)
    )
      .with('page', (qc) => {
        let ranked = qc.selectFrom('hits').selectAll()
        if (least) ranked = ranked.where('rank', '>=', least)
        return (terms.length ? ranked.orderBy('rank', 'desc') : ranked)
          .orderBy(order, direction)
          .orderBy('id')
          .limit(filter.limit)
          .offset(filter.offset)
      })
      .selectFrom('page')
      .innerJoin('policies as p', 'p.id', 'page.id')
      .select([...POLICY_LIST_COLUMNS.map((column) => `p.${column}` as const), 'page.rank'])
      .select(total.as('total'))
    page = terms.length ? page.orderBy('page.rank', 'desc') : page
    const items = await page.orderBy(`page.${order}`, direction).orderBy('page.id').execute()
    return { rows: items.map(({ total: _total, ...row }) => row), total: items.length && counted ? Number(items[0].total) : null }
  }

  const matches = indexMatch ? query.where(indexMatch) : query

  // A page may come from a part of the matches (a step) when that part fills it and no match outside
  // ranks above the part: the page is then the one the ranking of every match would give, and the
  // rest, often most of the matches, are neither read nor ranked. For one word, a title match ranks
  // 8 or more and any other 6 at most; a summary or tags match 3 or more, the body's 0.
  //
  // SQLite: the vocabulary says how many hold the word in each column, and the page is read from the
  // title's (or the short columns') holders only where it shows clearly more holders elsewhere, as
  // the FTS5 table is then read twice; the total is the FTS5 table's own count, which holds the
  // published policies alone (0040). At 50,000 policies 贷款's 7,896 titles are ranked rather than
  // its 18,422 matches.
  //
  // PostgreSQL visits a row of the policies for each match it ranks or counts, so it reads in turn:
  // - the newest policies (NEWEST) that hold every word in the title, held to the best rank there
  //   is (each word in the title, the summary and the tags): when they fill the page, the older
  //   come after them (贷款 at 50,000: 4 ms, against 15 for ranking its titles);
  // - for one word, its title holders (0043's index of the title's pieces), held to a title's rank;
  // - when no title holds it, the newest policies holding it in the summary and the tags;
  // - its holders in any of the three short columns;
  // - when none holds it there, every match ranks 0, and the page is the newest of them (below).
  // Each step is held to its least rank, as a word of four or more characters is found in those
  // indexes by its pieces alone. A step that cannot fill the page holds fewer policies than the
  // page, so the next is read, and every match is ranked after the last. A tier counts its holders
  // as it ranks them, and past countUpTo that is the total; otherwise the matches are counted
  // through the pieces index (贷款: 3.5 ms).
  interface Step {
    /** The part of the matches the page is read from. */
    from: typeof query
    /** The least rank a policy on the page may have. */
    least: number
    /** Whether the part is counted with the page: past countUpTo that is the total. */
    counted: boolean
    /** The total, when the page is full. */
    count: () => Promise<number>
    /** Read only when the step before, on the first page, found no policy. */
    ifNoneBefore?: boolean
  }
  const steps: Step[] = []
  const fewestShort = Math.min(RANK.summary, RANK.tags)
  // On PostgreSQL, words that all have pieces, newest first, with nothing else to filter by.
  const pieced = indexed && postgres && filter.sort === 'latest' && !filter.category && terms.every((t) => piecesOf(t).length)
  const holdsPieces = (doc: RawBuilder<unknown>, pieces: string[]) => sql<boolean>`${doc} @> array[${sql.join(pieces)}]::text[]`
  // Without words, the page is read in the order of the list's index and the count stops early.
  if (!terms.length) steps.push({ from: query, least: 0, counted: false, count: () => countOf(matches) })
  else if (pieced) {
    const count = () => countOf(matches)
    const since = sql`coalesce((select published_at from policies where status = 'published' order by published_at desc limit 1 offset ${NEWEST - 1}), '')`
    /** The newest policies (NEWEST) whose `doc` holds the pieces of every word, held to `best` a word. */
    const newest = (doc: RawBuilder<unknown>, best: number, ifNoneBefore = false): Step => ({
      from: query.where(holdsPieces(doc, [...new Set(terms.flatMap(piecesOf))])).where(sql<boolean>`published_at >= ${since}`),
      least: terms.length * best,
      counted: false,
      count,
      ifNoneBefore,
    })
    steps.push(newest(TITLE_PIECES, RANK.title + RANK.summary + RANK.tags))
    if (terms.length === 1) {
      const pieces = piecesOf(terms[0])
      steps.push(
        { from: query.where(holdsPieces(TITLE_PIECES, pieces)), least: RANK.title, counted: true, count },
        newest(SUMMARY_TAGS_PIECES, RANK.summary + RANK.tags, true),
        {
          from: query.where(sql<boolean>`(${holdsPieces(TITLE_PIECES, pieces)} or ${holdsPieces(SUMMARY_TAGS_PIECES, pieces)})`),
          least: fewestShort,
          counted: true,
          count,
        },
      )
    }
  } else if (match && pageByColumns && exact.has(terms[0])) {
    const saves = (holding: number) => holding >= reach && holders.inOneColumn >= 1.5 * holding
    const columns = saves(holders.title) ? 'title' : saves(holders.short) ? '{title summary tags}' : null
    const count = async () => {
      const limited = sql`select rowid from policies_fts where policies_fts match ${match} limit ${countUpTo + 1}`
      return Number((await sql<{ n: number }>`select count(*) as n from (${limited})`.execute(db)).rows[0].n)
    }
    if (columns)
      steps.push({
        from: query.where(matching(`${columns} : ${match}`)),
        least: columns === 'title' ? RANK.title : fewestShort,
        counted: false,
        count,
      })
  }
  // Each step is read in the search's one snapshot, so a full page is the page the ranking of every
  // match would give.
  let found: number | null = null
  for (const { from, least, counted, count, ifNoneBefore } of steps) {
    if (ifNoneBefore && !(filter.offset === 0 && found === 0)) continue
    const page = await pageOf(from, { least, counted })
    if (page.rows.length === filter.limit)
      return outOf(page.rows, page.total !== null && page.total > countUpTo ? page.total : await count())
    found = page.rows.length
  }
  /** The newest `filter.limit` of the NEWEST newest published policies that hold `term` in some column. */
  const newestHolding = (term: string) => {
    const newest = db
      .selectFrom('policies')
      .select([...POLICY_LIST_COLUMNS, 'tags', 'body'])
      .where('status', '=', 'published')
      .orderBy('published_at', 'desc')
      .orderBy('id')
      .limit(NEWEST)
    const holding = (['title', 'summary', 'tags', 'body'] as const).map((column) => holds(sql.ref(column), term))
    return db
      .selectFrom(newest.as('newest'))
      .select([...POLICY_LIST_COLUMNS, sql<number>`0`.as('rank')])
      .where(sql<boolean>`(${sql.join(holding, sql` or `)})`)
      .orderBy('published_at', 'desc')
      .orderBy('id')
      .limit(filter.limit)
      .execute()
  }

  // No policy holds the word in a short column, so every match ranks 0 and the page is the newest
  // of them (补贴 at 50,000 policies: 13,159 matches, all in the bodies). When many match, the
  // newest policies are read in order until the page is full, rather than every match and a sort.
  // NEWEST bounds that read: a word whose matches are all older than the newest policies is
  // ranked whole after all.
  if (pieced && terms.length === 1 && filter.offset === 0 && found === 0) {
    const holding = await countOf(matches)
    if (holding === 0) return outOf([], 0)
    if (holding > countUpTo) {
      const rows = await newestHolding(terms[0])
      if (rows.length === filter.limit) return outOf(rows, holding)
    }
  }

  const { rows, total } = await pageOf(matches, { counted: true })
  if (total !== null) return outOf(rows, total)
  // A page past the end has no row to carry the total; count then (rare: paging beyond the last).
  if (filter.offset === 0) return outOf(rows, 0)
  return outOf(rows, await countOf(matches))
}

/** Whom each published policy in force on `today` is for (from policies_audience_idx alone). */
export function listAudiencesInForce(db: Kysely<Database>, today: string) {
  return db
    .selectFrom('policies')
    .select(['id', 'industries', 'kinds', 'enterprise_tags', 'expires_at', 'published_at'])
    .where('status', '=', 'published')
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>=', today)]))
    .execute()
}

/** The list rows of these policies, in no particular order. */
export function findPolicySummaries(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([])
  return db.selectFrom('policies').select(POLICY_LIST_COLUMNS).where('id', 'in', ids).execute()
}

/** Published policies still in force on `today`, with whom they are for: what may be suggested or recommended. */
export function listPoliciesInForce(db: Kysely<Database>, today: string) {
  return db
    .selectFrom('policies')
    .select([
      'id',
      'title',
      'issuer',
      'doc_no',
      'category',
      'summary',
      'tags',
      'industries',
      'kinds',
      'enterprise_tags',
      'published_at',
      'expires_at',
    ])
    .where('status', '=', 'published')
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>=', today)]))
    .execute()
}

/** Every policy whatever its status (the admin's list), last changed first. */
export async function listAllPolicies(db: Kysely<Database>, filter: { status?: string; limit: number; offset: number }) {
  let query = db.selectFrom('policies')
  if (filter.status) query = query.where('status', '=', filter.status as PolicyRow['status'])
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('updated_at', 'desc').orderBy('id').limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}

export function findPolicyById(db: Kysely<Database>, id: string): Promise<PolicyRow | undefined> {
  return db.selectFrom('policies').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function updatePolicy(db: Kysely<Database>, id: string, changes: Updateable<PoliciesTable>): Promise<void> {
  await db.updateTable('policies').set(changes).where('id', '=', id).execute()
}

/** Inserts or replaces a policy by id (the importer's and the seed's write). */
export async function upsertPolicy(db: Kysely<Database>, row: PolicyRow): Promise<void> {
  const changes: Updateable<PoliciesTable> = { ...row }
  delete changes.id
  delete changes.created_at
  await db
    .insertInto('policies')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet(changes))
    .execute()
}
