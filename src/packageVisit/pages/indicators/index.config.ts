export default definePageConfig({ navigationBarTitleText: '经营数据填报' })
