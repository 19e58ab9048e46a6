export default definePageConfig({ navigationBarTitleText: '记录帮扶' })
