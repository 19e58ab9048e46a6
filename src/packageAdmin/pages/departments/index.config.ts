export default definePageConfig({ navigationBarTitleText: '部门与分派' })
