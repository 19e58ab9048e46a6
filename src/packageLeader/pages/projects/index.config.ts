export default definePageConfig({ navigationBarTitleText: '重点项目' })
