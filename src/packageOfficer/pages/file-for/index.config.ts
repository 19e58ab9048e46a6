export default definePageConfig({ navigationBarTitleText: '代为登记诉求' })
