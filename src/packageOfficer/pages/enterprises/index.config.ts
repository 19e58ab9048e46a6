export default definePageConfig({ navigationBarTitleText: '企业与绑定码' })
