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
}
