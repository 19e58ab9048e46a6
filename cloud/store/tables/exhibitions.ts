/** An exhibition (展会): what a visitor's landing page shows about it, and its entrance code. */
export interface ExhibitionsTable {
  id: string
  /** The short code its entrance QR code carries (domain/expo-scene.ts); unique. */
  code: string
  name: string
  theme: string
  venue: string
  /** Beijing days, YYYY-MM-DD. */
  starts_on: string
  ends_on: string
  /** JSON array of hall names, e.g. ["1号馆 机械设备", "乡村振兴特色展区"]. */
  halls: string
  booth_count: number
  area_m2: number
  /** JSON array of forum sessions: { day, time, title, place }. */
  forum: string
  /** JSON array of policy ids shown on the landing page. */
  featured_policy_ids: string
  created_at: number
  updated_at: number
}

/** One booth: who exhibits there (an enterprise of the town, or a firm from elsewhere) and what. */
export interface ExhibitorsTable {
  id: string
  exhibition_id: string
  /** The short code the booth's QR code carries; unique. */
  code: string
  /** The town's enterprise exhibiting here, whose owner sees the leads; null for a firm from elsewhere. */
  enterprise_id: string | null
  name: string
  booth_no: string
  hall: string
  /** JSON array of product names. */
  products: string
  intro: string
  contact_name: string
  contact_phone: string
  /** 1 in the 乡村振兴特色展区, where small firms exhibit for free. */
  free_zone: number
  /** The wxacode image in cloud storage (a fileID), once made on CloudBase. */
  wxacode_file_id: string | null
  created_at: number
  updated_at: number
}

/** A scan of an entrance or booth code: once per person per target per Beijing day. */
export interface ExpoScansTable {
  exhibition_id: string
  /** The exhibitor's id for a booth, the exhibition's id for the entrance. */
  target: string
  exhibitor_id: string | null
  user_id: string
  day: string
  /** Epoch ms of the hour the scan fell in. */
  hour_start: number
  at: number
}

/** A registered visitor (观众) or VIP buyer, and what they agreed to share with exhibitors. */
export interface ExpoVisitorsTable {
  exhibition_id: string
  user_id: string
  name: string
  phone: string
  company: string
  kind: string
  /** 1: exhibitors they scanned or followed see their name, company and phone; 0: only that someone came. */
  share_contact: number
  invitation_code: string | null
  registered_at: number
  updated_at: number
}

/** A VIP invitation code handed to a core buyer; claimed once. */
export interface ExpoInvitationsTable {
  code: string
  exhibition_id: string
  /** Whom it was sent to, for the organisers. */
  note: string
  claimed_by: string | null
  claimed_at: number | null
  created_at: number
}

export interface ExpoFollowsTable {
  exhibitor_id: string
  user_id: string
  created_at: number
}
