import type { indicatorActions } from '../../contract/indicator'
import type { AreaHandlers } from '../handler'
import { indicatorFigures, saveIndicatorFigures } from './figures'
import { lateIndicators } from './late-indicators'
import { listIndicators } from './list-indicators'
import { reportIndicators } from './report-indicators'
import { townIndicators } from './town-indicators'

/** The indicator area's handlers, one per action of cloud/contract/indicator.ts. */
export const indicatorHandlers = {
  'indicator.report': reportIndicators,
  'indicator.list': listIndicators,
  'indicator.late': lateIndicators,
  'indicator.town': townIndicators,
  'indicator.figures': indicatorFigures,
  'indicator.saveFigures': saveIndicatorFigures,
} satisfies AreaHandlers<typeof indicatorActions>
