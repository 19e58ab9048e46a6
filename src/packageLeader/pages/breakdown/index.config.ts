export default definePageConfig({ navigationBarTitleText: '分项统计' })
