import { z } from 'zod'
import { POLICY_CATEGORIES } from '../domain/policy'
import { id, page } from './fields'

export const listPoliciesInput = z.strictObject({
  category: z.enum(POLICY_CATEGORIES).optional().meta({ title: '政策类别' }),
  keyword: z.string().trim().max(40, '搜索词不能超过 40 个字').optional().meta({ title: '搜索词' }),
  ...page,
})

export const getPolicyInput = z.strictObject({ id: id('政策') })
