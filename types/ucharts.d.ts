// uCharts ships no types; this is the part of its constructor the charts use.
declare module '@qiun/ucharts' {
  export default class uCharts {
    constructor(options: {
      type: string
      context: CanvasRenderingContext2D
      width: number
      height: number
      pixelRatio?: number
      categories: string[]
      series: { name: string; data: (number | null)[]; type?: string; index?: number }[]
      [option: string]: unknown
    })
  }
}
