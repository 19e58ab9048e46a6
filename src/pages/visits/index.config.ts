export default definePageConfig({ navigationBarTitleText: '走访服务' })
