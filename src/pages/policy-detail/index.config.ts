export default definePageConfig({ navigationBarTitleText: '政策解读', enableShareAppMessage: true })
