export default definePageConfig({ navigationBarTitleText: '诉求明细' })
