export default definePageConfig({ navigationBarTitleText: '助企帮办' })
