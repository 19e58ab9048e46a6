export interface PoliciesTable {
  id: string
  title: string
  issuer: string
  doc_no: string | null
  category: string
  /** 一句话看懂. */
  summary: string
  /** The explainer in Markdown, with the fixed level-2 sections. */
  body: string
  /** JSON arrays of strings; empty means "applies to all". */
  industries: string
  kinds: string
  tags: string
  /** JSON array: the enterprise must hold one of these qualifications; empty asks for none. */
  enterprise_tags: string
  /** Calendar dates as YYYY-MM-DD (Beijing), so they compare as text on every dialect. */
  published_at: string
  effective_from: string
  expires_at: string | null
  /** A draft is seen only by admins; publishing tells the matching owners once; withdrawn is hidden. */
  status: 'draft' | 'published' | 'withdrawn'
  created_at: number
  updated_at: number
}

/**
 * SQLite only (0032): the short columns of each policy beside its FTS5 row, numbered by that row,
 * kept by triggers. A search filters, ranks and orders its matches here without reading the policies.
 */
export interface PolicySearchRowsTable extends Pick<
  PoliciesTable,
  'id' | 'status' | 'category' | 'published_at' | 'expires_at' | 'title' | 'summary' | 'tags'
> {
  doc: number
}

/** SQLite only (0041): one row, a number that every write able to change the FTS5 vocabulary changes. */
export interface PolicySearchVersionTable {
  version: number
}
