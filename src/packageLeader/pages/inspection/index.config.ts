export default definePageConfig({ navigationBarTitleText: '督查整改' })
