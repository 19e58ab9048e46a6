export default definePageConfig({ navigationBarTitleText: '预约走访' })
