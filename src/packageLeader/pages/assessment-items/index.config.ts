export default definePageConfig({ navigationBarTitleText: '考核明细' })
