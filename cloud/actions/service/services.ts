import { serviceCatalogue } from '../../../seeds/service-catalogue'
import type { ParsedInput, ServiceCatalogue } from '../../contract'
import { notFound } from '../../domain/errors'
import { SERVICE_GROUPS, type ServiceItem } from '../../domain/service-catalogue'
import { ActionContext } from '../context'

export const findServiceItem = (id: string): ServiceItem | undefined => serviceCatalogue.find((item) => item.id === id)

/** service.list: the 帮办代办 catalogue in its three groups, each item with what it is for. */
export async function listServices(_ctx: ActionContext): Promise<ServiceCatalogue> {
  return {
    groups: SERVICE_GROUPS.map((group) => ({
      group,
      items: serviceCatalogue
        .filter((item) => item.group === group)
        .map(({ id, name, purpose, timeLimit }) => ({ id, name, purpose, timeLimit })),
    })),
  }
}

/** service.get: one item with its materials, steps, time limit and office. */
export async function getService(_ctx: ActionContext, input: ParsedInput<'service.get'>): Promise<ServiceItem> {
  const item = findServiceItem(input.id)
  if (!item) throw notFound('没有这项帮办服务')
  return item
}
