import { z } from 'zod'
import { creditCode, inviteCode } from './fields'

export const bindEnterpriseInput = z.strictObject({ creditCode, inviteCode })
