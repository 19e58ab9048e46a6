export default definePageConfig({ navigationBarTitleText: '企业诉求' })
