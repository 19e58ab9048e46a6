import { handlers } from '../actions'
import type { ActionContext } from '../actions/context'
import { callerRole, type Caller, type Deps } from '../actions/context'
import { actions, isActionName, type ActionName, type ApiResult } from '../contract'
import { AppError, ERROR_STATUS } from '../domain/errors'
import { ROLE_LABELS, type Role } from '../domain/roles'
import { nulCharacterProblem, toBadRequest } from './validation'

export interface RouterReply {
  status: number
  body: ApiResult<unknown>
}

/**
 * The one entry of the API, shared by the cloud function and the local HTTP host.
 * In order: the action exists → the caller may call it → the payload parses → the use case runs.
 * Whatever happens, the answer is an envelope; nothing unexpected leaks past INTERNAL.
 */
export async function dispatch(services: Deps, caller: Caller, action: string, payload: unknown): Promise<RouterReply> {
  try {
    const name = resolveAction(services, action)
    authorize(name, caller)
    const spec = actions[name]
    const parsed = spec.input.safeParse(payload === undefined ? {} : payload)
    if (!parsed.success) throw toBadRequest(spec.input, parsed.error)
    const nul = nulCharacterProblem(spec.input, parsed.data)
    if (nul) throw nul
    const handler = handlers[name] as (ctx: ActionContext, input: unknown) => Promise<unknown>
    const data = await handler({ ...services, caller }, parsed.data as never)
    return { status: 200, body: { ok: true, data } }
  } catch (error) {
    if (error instanceof AppError) {
      const body = { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) }
      return { status: error.status, body: { ok: false, error: body } }
    }
    services.log.error('action failed', { action, error: error instanceof Error ? error.stack : String(error) })
    return {
      status: ERROR_STATUS.INTERNAL,
      body: { ok: false, error: { code: 'INTERNAL', message: '服务暂时出了点问题，请稍后再试' } },
    }
  }
}

function resolveAction(services: Deps, action: string): ActionName {
  if (!isActionName(action)) throw new AppError('NOT_FOUND', `没有名为 ${action.slice(0, 64)} 的操作`)
  if ('devOnly' in actions[action] && !services.devTokens) {
    throw new AppError('NOT_FOUND', `没有名为 ${action} 的操作`)
  }
  return action
}

function authorize(name: ActionName, caller: Caller): void {
  const access = actions[name].access
  if (access === 'public') return
  const role = callerRole(caller)
  if (role === null) throw new AppError('UNAUTHENTICATED', '请先登录')
  // A closed account loses every right at once, whatever a host found for it.
  if (caller.kind === 'user' && caller.user.deactivated_at !== null)
    throw new AppError('UNAUTHENTICATED', '您的账号已停用，如有疑问请联系管理员')
  if (!(access as readonly Role[]).includes(role)) {
    throw new AppError('FORBIDDEN', `当前身份（${ROLE_LABELS[role]}）无权执行此操作`)
  }
}

/** Whether an action is reachable on this host (dev-only ones vanish without dev login). */
export function isExposed(services: Pick<Deps, 'devTokens'>, name: ActionName): boolean {
  return !('devOnly' in actions[name]) || services.devTokens !== null
}
