export default definePageConfig({ navigationBarTitleText: '政策兑现' })
