// babel-preset-taro compiles the app; babel-plugin-import keeps NutUI on demand, so each page
// carries only the components (and their CSS) it imports.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  plugins: [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        libraryDirectory: 'dist/es/packages',
        camel2DashComponentName: false,
        customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
        style: (name) => `${name}/style/css`,
      },
      'nutui-react-taro',
    ],
    // NutUI's components import their icons from the icon library's index, which would pull in
    // every icon (over 200 KB); point each import at the one icon's own module instead.
    [
      'import',
      {
        libraryName: '@nutui/icons-react-taro',
        libraryDirectory: 'dist/es/icons',
        camel2DashComponentName: false,
      },
      'nutui-icons-react-taro',
    ],
  ],
  // marked ships only a build with private class fields (`#x`), which the H5 minifier mangles and
  // older phones cannot parse: compile them to plain properties (config/index.ts includes marked).
  overrides: [
    {
      test: /[\\/]node_modules[\\/]marked[\\/]/,
      plugins: ['@babel/plugin-transform-class-properties', '@babel/plugin-transform-private-methods'],
    },
  ],
}
