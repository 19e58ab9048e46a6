import { z } from 'zod'
import { id, page } from './fields'
import { type Page } from './common'
import { type Area, EVERYONE_SIGNED_IN, returns } from './spec'

export const listMessagesInput = z.strictObject({ ...page })

/** Without ids, every message of the caller is marked read. */
export const readMessagesInput = z.strictObject({ ids: z.array(id('消息')).max(100).optional().meta({ title: '消息' }) })

export interface MessageView {
  id: string
  kind: string
  title: string
  body: string
  link: string
  createdAt: number
  read: boolean
}

export interface MessagePage extends Page<MessageView> {
  unread: number
}

/** 站内消息 */
export const messageActions = {
  'message.list': { summary: '我的站内消息及未读数', access: EVERYONE_SIGNED_IN, input: listMessagesInput, output: returns<MessagePage>() },
  'message.read': {
    summary: '把站内消息标为已读',
    access: EVERYONE_SIGNED_IN,
    input: readMessagesInput,
    output: returns<{ unread: number }>(),
  },
} satisfies Area<'message'>
