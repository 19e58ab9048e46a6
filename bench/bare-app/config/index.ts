import { defineConfig } from '@tarojs/cli'

/**
 * The bare app the benchmarks hold ours against: one page, a NutUI Button and a text, built with
 * the same options as the app (config/index.ts) less what only the app needs.
 */
export default defineConfig<'webpack5'>({
  projectName: 'bare',
  date: '2026-11-22',
  // NutUI is drawn on a 375 px design; our own styles on the usual 750 px one.
  designWidth: (input?: string | number | { file?: string }) =>
    typeof input === 'object' && input.file?.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750,
  deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
  sourceRoot: 'src',
  outputRoot: `dist/${process.env.TARO_ENV}`,
  plugins: [],
  framework: 'react',
  compiler: 'webpack5',
  cache: { enable: false },
  mini: {
    miniCssExtractPluginOption: { ignoreOrder: true },
    postcss: { pxtransform: { enable: true, config: {} } },
  },
  h5: {
    publicPath: '/',
    staticDirectory: 'static',
    router: { mode: 'hash' },
    output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
    miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[hash].css', chunkFilename: 'css/[name].[chunkhash].css' },
    postcss: { autoprefixer: { enable: true, config: {} } },
  },
})
