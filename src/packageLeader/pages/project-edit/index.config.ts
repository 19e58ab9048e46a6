export default definePageConfig({ navigationBarTitleText: '新建重点项目' })
