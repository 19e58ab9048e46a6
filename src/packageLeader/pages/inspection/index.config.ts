export default definePageConfig({ navigationBarTitleText: '一季一督查' })
