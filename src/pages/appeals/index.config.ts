export default definePageConfig({ navigationBarTitleText: '企业诉求', enablePullDownRefresh: true })
