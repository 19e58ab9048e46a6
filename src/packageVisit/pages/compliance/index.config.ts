export default definePageConfig({ navigationBarTitleText: '走访达标' })
