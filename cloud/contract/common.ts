/** Shapes that several areas answer with. */

export interface PersonContact {
  id: string
  name: string
  title: string
  phone: string
}

export interface Page<T> {
  items: T[]
  total: number
  /** The count stopped at `total`, and more match (policy.list counts up to 1,000, or to the page read). */
  capped?: boolean
}
