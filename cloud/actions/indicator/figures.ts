import type { ActionOutput, ParsedInput } from '../../contract'
import {
  FIGURE_LABELS,
  FIGURE_MODES,
  FIGURES,
  FIGURES_SETTING,
  readAskedFigures,
  type AskedFigures,
} from '../../domain/ledger/indicator-figures'
import type { Db } from '../../store/database'
import { findTownSetting } from '../../store/repositories/town-settings'
import { saveAuditedSetting } from '../../workflows/audit'
import { type ActionContext, requireUser } from '../context'

/** The figures the town asks for now (the defaults until an admin sets them). */
export async function askedFiguresOf(db: Db): Promise<AskedFigures> {
  return readAskedFigures(await findTownSetting(db, FIGURES_SETTING))
}

/** indicator.figures */
export function indicatorFigures(ctx: ActionContext): Promise<ActionOutput<'indicator.figures'>> {
  return askedFiguresOf(ctx.db)
}

/** indicator.saveFigures: which figures reports carry from now on (reports already made keep theirs); audited. */
export async function saveIndicatorFigures(
  ctx: ActionContext,
  input: ParsedInput<'indicator.saveFigures'>,
): Promise<ActionOutput<'indicator.saveFigures'>> {
  const admin = requireUser(ctx)
  const now = ctx.clock.now()
  const before = await askedFiguresOf(ctx.db)
  const after = Object.fromEntries(FIGURES.map((f) => [f, input[f]])) as AskedFigures
  await saveAuditedSetting(
    ctx.db,
    admin,
    {
      key: FIGURES_SETTING,
      before,
      after,
      summary: `经营数据填报项改为：${FIGURES.map((f) => `${FIGURE_LABELS[f]}${FIGURE_MODES[after[f]]}`).join('，')}`,
    },
    now,
  )
  return after
}
