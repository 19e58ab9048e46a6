export interface EnterprisesTable {
  id: string
  name: string
  /** GB 32100 unified social credit code, upper case, check digit verified on the way in. */
  credit_code: string
  industry: string
  kind: string
  park: string
  address: string
  legal_person: string
  /** 驻企特派员 (a user id). */
  officer_id: string | null
  /** 包抓部门. */
  department_id: string | null
  /** 包抓领导 (a user id). */
  leader_id: string | null
  /** JSON array of qualifications it holds (高新技术, 专精特新 …), which some policies ask for. */
  tags: string
  /** 帮扶团队: the team that works with the enterprise (one of its 五个一). */
  team: string
  /** What the enterprise's own QR code carries; an officer scans it on site to check in. */
  checkin_code: string | null
  created_at: number
  /** Set when the enterprise left the roster (closed, moved away): no binding, no visits owed. */
  deactivated_at: number | null
  /** The roster's contact (联系人) and their mobile. */
  contact_name: string
  contact_phone: string
}
