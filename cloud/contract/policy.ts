import { z } from 'zod'
import { APPEAL_CATEGORIES } from '../domain/appeal/categories'
import { POLICY_CATEGORIES } from '../domain/policy'
import { id, page } from './fields'

export const listPoliciesInput = z.strictObject({
  category: z.enum(POLICY_CATEGORIES).optional().meta({ title: '政策类别' }),
  keyword: z.string().trim().max(40, '搜索词不能超过 40 个字').optional().meta({ title: '搜索词' }),
  /** 最新发布 (newest first) or 即将截止 (in force, ending within 60 days, soonest first). */
  sort: z.enum(['latest', 'expiring']).default('latest').meta({ title: '排序' }),
  ...page,
})

/** What an owner has typed into the appeal form so far, and the category chosen, if any. */
export const suggestPoliciesInput = z.strictObject({
  text: z.string().trim().max(1100, '内容过长').meta({ title: '诉求内容' }),
  category: z.enum(APPEAL_CATEGORIES).optional().meta({ title: '诉求类别' }),
})

export const getPolicyInput = z.strictObject({ id: id('政策') })
