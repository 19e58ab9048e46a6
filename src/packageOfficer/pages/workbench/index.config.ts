export default definePageConfig({ navigationBarTitleText: '特派员工作台', enablePullDownRefresh: true })
