export default definePageConfig({ navigationBarTitleText: '一月一通报' })
