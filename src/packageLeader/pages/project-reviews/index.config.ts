export default definePageConfig({ navigationBarTitleText: '半年观摩' })
