export default definePageConfig({ navigationBarTitleText: '帮扶记录' })
