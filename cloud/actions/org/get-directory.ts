import type { Directory } from '../../contract'
import { listDepartments } from '../../store/repositories/departments'
import { listOfficers } from '../../store/repositories/users'
import { ActionContext } from '../context'

/** org.directory: departments and officers, for the assign and transfer pickers. Staff only. */
export async function getDirectory(ctx: ActionContext): Promise<Directory> {
  const [departments, officers] = await Promise.all([listDepartments(ctx.db), listOfficers(ctx.db)])
  return {
    departments,
    officers: officers
      .filter((o): o is typeof o & { department_id: string } => o.department_id !== null)
      .map((o) => ({ id: o.id, name: o.name, title: o.title, departmentId: o.department_id })),
  }
}
