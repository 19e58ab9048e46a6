import uCharts from '@qiun/ucharts'
import { Canvas, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useId } from 'react'

export interface ChartSeries {
  name: string
  data: (number | null)[]
  /** 'column' bars or a 'line', for mixed charts. */
  type?: 'column' | 'line'
  /** The right-hand axis (rates in %) instead of the left one (counts). */
  index?: number
}

interface ChartProps {
  type: 'line' | 'column' | 'mix'
  categories: string[]
  series: ChartSeries[]
  /** CSS pixels; the width follows the card. */
  height?: number
  /** For mixed charts: the left axis counts, the right axis is 0–100 %. */
  yAxis?: { title?: string; min?: number; max?: number; position?: 'left' | 'right'; format?: 'percent' }[]
  colors?: string[]
}

const PALETTE = ['#1f5fd6', '#12a06b', '#e08600', '#d93026', '#7b61ff']

/** The canvas element behind a Taro <Canvas type="2d">: a node from the selector query on WeChat, the DOM in a browser. */
function canvasNode(id: string): Promise<{ canvas: HTMLCanvasElement; width: number; height: number } | null> {
  if (process.env.TARO_ENV === 'h5') {
    const host = document.getElementById(id)
    const canvas = (host?.tagName === 'CANVAS' ? host : host?.querySelector('canvas')) as HTMLCanvasElement | null
    return Promise.resolve(
      canvas ? { canvas, width: canvas.clientWidth || host!.clientWidth, height: canvas.clientHeight || host!.clientHeight } : null,
    )
  }
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((res) => resolve(res?.[0]?.node ? { canvas: res[0].node, width: res[0].width, height: res[0].height } : null))
  })
}

/**
 * A chart drawn by uCharts on a 2D canvas, the same code on WeChat and in the browser. Drawn once
 * per change of data, without animation: a dashboard is read, not watched.
 */
/** Grid lines on the value axis; a count axis's top is a multiple of it, so every step is whole. */
const AXIS_SPLITS = 4

/** The top of an axis of counts (件, 家): whole steps, never 0.4 of an appeal. */
export function countAxisMax(values: number[]): number {
  return Math.max(AXIS_SPLITS, Math.ceil(Math.max(0, ...values) / AXIS_SPLITS) * AXIS_SPLITS)
}

export function Chart({ type, categories, series, height = 200, yAxis, colors = PALETTE }: ChartProps) {
  const id = `chart-${useId().replace(/[^a-zA-Z0-9]/g, '')}`
  // What is drawn, as a value: callers build fresh arrays on every render, and the chart is drawn
  // again only when their contents change.
  const drawing = JSON.stringify({ type, categories, series, yAxis: yAxis ?? [{ min: 0 }], colors })
  useEffect(() => {
    const { type, categories, series, yAxis, colors } = JSON.parse(drawing) as Required<
      Pick<ChartProps, 'type' | 'categories' | 'series' | 'yAxis' | 'colors'>
    >
    let cancelled = false
    // The canvas exists once the page has laid it out.
    Taro.nextTick(async () => {
      const found = await canvasNode(id)
      if (!found || cancelled || !found.width) return
      const pixelRatio = Taro.getSystemInfoSync().pixelRatio || 2
      found.canvas.width = found.width * pixelRatio
      found.canvas.height = found.height * pixelRatio
      const context = found.canvas.getContext('2d')
      if (!context) return
      new uCharts({
        type,
        context,
        width: found.width * pixelRatio,
        height: found.height * pixelRatio,
        pixelRatio,
        categories,
        series,
        color: colors,
        animation: false,
        background: '#FFFFFF',
        padding: [12, 8, 4, 4],
        fontSize: 11,
        dataLabel: false,
        legend: { show: series.length > 1, position: 'top', fontSize: 11 },
        xAxis: { disableGrid: true, fontSize: 10 },
        yAxis: { gridType: 'dash', dashLength: 4, splitNumber: AXIS_SPLITS, data: yAxis },
        extra: { column: { width: 14, type: 'group' }, line: { type: 'straight', width: 2 }, mix: { column: { width: 12 } } },
      })
    })
    return () => {
      cancelled = true
    }
  }, [id, drawing])
  return (
    <View className='chart' style={{ height: `${height}px` }}>
      <Canvas type='2d' id={id} canvasId={id} className='chart__canvas' style={{ width: '100%', height: `${height}px` }} />
    </View>
  )
}
