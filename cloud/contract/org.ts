import { empty } from './fields'
import { type Area, STAFF, returns } from './spec'

/** The departments and officers staff pick from when they assign or transfer. */
export interface Directory {
  departments: { id: string; name: string }[]
  officers: { id: string; name: string; title: string; departmentId: string }[]
}

/** 组织名录 */
export const orgActions = {
  'org.directory': { summary: '部门和特派员名录（交办、转办时选择）', access: STAFF, input: empty, output: returns<Directory>() },
} satisfies Area<'org'>
