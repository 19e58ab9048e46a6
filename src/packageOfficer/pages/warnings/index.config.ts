export default definePageConfig({ navigationBarTitleText: '经营预警' })
