import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import type { IH5Config } from '@tarojs/taro/types/compile'
import { dirname, join, resolve } from 'node:path'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import devConfig from './dev'
import prodConfig from './prod'

/** NutUI is drawn on a 375 px design; our own styles on the usual 750 px one. */
function designWidth(input?: string | number | { file?: string }): number {
  return typeof input === 'object' && input.file?.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750
}

/**
 * The app shares pure modules with the API (cloud/domain, contract types); compile them too. And
 * marked, whose only build uses private class fields (`#x`): babel.config.js compiles them away for
 * the same reasons as TanStack Query's below.
 */
const shared = { include: [resolve(__dirname, '..', 'cloud'), dirname(require.resolve('marked'))] }

/**
 * TanStack Query's default build uses private class fields (`#x`), which the H5 minifier mangles
 * (it quotes them) and older phones' JavaScript engines cannot parse; its legacy build is the same
 * code with those fields compiled away.
 */
function legacyBuild(name: string): string {
  return join(dirname(require.resolve(`${name}/package.json`)), 'build', 'legacy', 'index.js')
}

type Chain = Parameters<NonNullable<IH5Config['webpackChain']>>[0]

/** How both builds find modules: the tsconfig paths, and TanStack Query's legacy build. */
function resolveModules(chain: Chain): void {
  chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
  for (const name of ['@tanstack/query-core', '@tanstack/react-query']) chain.resolve.alias.set(`${name}$`, legacyBuild(name))
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'bangban',
    date: '2026-11-22',
    designWidth,
    deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // One folder per platform, so an H5 build never overwrites the mini-program.
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {
      // The CloudBase environment id for Taro.cloud.init; empty means the default environment.
      CLOUD_ENV: JSON.stringify(process.env.CLOUD_ENV ?? ''),
      // Where the H5 build finds the API; empty means the same origin that served the page.
      API_BASE: JSON.stringify(process.env.API_BASE ?? ''),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: shared,
      // Page styles are independent of each other; their order across chunks does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain: resolveModules,
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: shared,
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain: resolveModules,
    },
  }
  return merge({}, baseConfig, process.env.NODE_ENV === 'development' ? devConfig : prodConfig)
})
