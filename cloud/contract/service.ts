import { z } from 'zod'
import { type ServiceItem } from '../domain/service-catalogue'
import { empty, id } from './fields'
import { type Area, EVERYONE_SIGNED_IN, returns } from './spec'

export const getServiceInput = z.strictObject({ id: id('帮办事项') })

/** The 帮办代办 catalogue by group, each item in a line. */
export interface ServiceCatalogue {
  groups: { group: string; items: { id: string; name: string; purpose: string; timeLimit: string }[] }[]
}

/** 帮办代办服务目录 */
export const serviceActions = {
  'service.list': {
    summary: '帮办代办服务目录（自然人、法人、工程建设）',
    access: EVERYONE_SIGNED_IN,
    input: empty,
    output: returns<ServiceCatalogue>(),
  },
  'service.get': {
    summary: '一项帮办代办服务：材料、流程、时限和办理部门',
    access: EVERYONE_SIGNED_IN,
    input: getServiceInput,
    output: returns<ServiceItem>(),
  },
} satisfies Area<'service'>
