import type { DepartmentsTable } from './tables/departments'
import type { EnterprisesTable } from './tables/enterprises'
import type { PoliciesTable } from './tables/policies'
import type { UsersTable } from './tables/users'

/** Every table the store holds, as Kysely sees it. Table types live beside this file in tables/. */
export interface Database {
  departments: DepartmentsTable
  users: UsersTable
  enterprises: EnterprisesTable
  policies: PoliciesTable
}
