import { z } from 'zod'
import { id, page } from './fields'

export const listMessagesInput = z.strictObject({ ...page })

/** Without ids, every message of the caller is marked read. */
export const readMessagesInput = z.strictObject({ ids: z.array(id('消息')).max(100).optional().meta({ title: '消息' }) })

export const getServiceInput = z.strictObject({ id: id('帮办事项') })
