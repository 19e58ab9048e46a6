export default definePageConfig({ navigationBarTitleText: '经营监测' })
