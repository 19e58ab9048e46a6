export default definePageConfig({ navigationBarTitleText: '企业走访码' })
