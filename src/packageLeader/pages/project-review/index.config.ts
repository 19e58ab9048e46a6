export default definePageConfig({ navigationBarTitleText: '观摩记录' })
