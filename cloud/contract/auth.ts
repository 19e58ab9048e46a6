import { z } from 'zod'
import { empty, id } from './fields'

export const devUsersInput = empty
export const devLoginInput = z.strictObject({ userId: id('用户') })
export const meInput = empty
