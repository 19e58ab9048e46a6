import type { expoActions } from '../../contract/expo'
import type { AreaHandlers } from '../handler'
import { getExhibitionForAdmin, listExhibitionsForAdmin, saveExhibition } from './admin-exhibitions'
import { expoLeads } from './expo-leads'
import { expoStats } from './expo-stats'
import { followExhibitor } from './follow-exhibitor'
import { makeExpoCodes } from './make-expo-codes'
import { openExpo } from './open-expo'
import { registerVisitor } from './register-visitor'
import { saveExhibitor } from './save-exhibitor'

/** The expo area's handlers, one per action of cloud/contract/expo.ts: a missing or extra one does not compile. */
export const expoHandlers = {
  'expo.open': openExpo,
  'expo.register': registerVisitor,
  'expo.follow': followExhibitor,
  'expo.leads': expoLeads,
  'expo.stats': expoStats,
  'expo.adminList': listExhibitionsForAdmin,
  'expo.adminGet': getExhibitionForAdmin,
  'expo.save': saveExhibition,
  'expo.saveExhibitor': saveExhibitor,
  'expo.codes': makeExpoCodes,
} satisfies AreaHandlers<typeof expoActions>
