export default definePageConfig({ navigationBarTitleText: '展会扫码' })
