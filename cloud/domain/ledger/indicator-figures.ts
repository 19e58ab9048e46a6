/**
 * Which of 企业运行监测's figures a town asks for. Each figure is asked for (required), welcome
 * (optional) or not asked (off); 经营状况 is always an optional line. A town that asks for fewer figures
 * gets fewer warnings: the 产值 drop needs 产值, the short-orders rule needs 订单情况. Pure.
 */
export const FIGURES = ['revenue', 'employees', 'tax', 'orders', 'power'] as const
export type Figure = (typeof FIGURES)[number]

export const FIGURE_LABELS: Record<Figure, string> = {
  revenue: '产值（万元）',
  employees: '用工人数',
  tax: '纳税（万元）',
  orders: '订单情况',
  power: '用电（万度）',
}

export const FIGURE_MODES = { required: '必填', optional: '选填', off: '不填报' } as const
export type FigureMode = keyof typeof FIGURE_MODES
export type AskedFigures = Record<Figure, FigureMode>

/** The town setting that holds the modes, as JSON. */
export const FIGURES_SETTING = 'indicator.figures'

/** What every town asked for before the setting existed, and what a town without it still asks. */
export const DEFAULT_FIGURES: AskedFigures = {
  revenue: 'required',
  employees: 'required',
  tax: 'required',
  orders: 'required',
  power: 'optional',
}

/** The stored modes over the defaults; anything unreadable in the setting leaves the default in place. */
export function readAskedFigures(value: string | undefined): AskedFigures {
  let stored: unknown
  try {
    stored = value === undefined ? {} : JSON.parse(value)
  } catch {
    stored = {}
  }
  const asked = { ...DEFAULT_FIGURES }
  if (typeof stored !== 'object' || stored === null) return asked
  for (const figure of FIGURES) {
    const mode = (stored as Record<string, unknown>)[figure]
    // Own keys only: a stored 'toString' is no mode.
    if (typeof mode === 'string' && Object.hasOwn(FIGURE_MODES, mode)) asked[figure] = mode as FigureMode
  }
  return asked
}

/** A report must carry something: a town cannot turn every figure off. */
export function askedFiguresProblem(asked: AskedFigures): string | null {
  return FIGURES.some((f) => asked[f] !== 'off') ? null : '至少填报一项经营数据'
}

/** The figures the form shows, in their order. */
export const shownFigures = (asked: AskedFigures): Figure[] => FIGURES.filter((f) => asked[f] !== 'off')

/**
 * The figures a report must carry and lacks, in order. A figure the town does not ask for is not
 * kept even when sent (the report action stores null for it).
 */
export function missingFigures(asked: AskedFigures, report: Partial<Record<Figure, unknown>>): Figure[] {
  return FIGURES.filter((f) => asked[f] === 'required' && (report[f] === undefined || report[f] === null))
}
