export default definePageConfig({ navigationBarTitleText: '企业成员与绑定' })
