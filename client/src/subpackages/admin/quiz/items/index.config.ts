export default definePageConfig({ navigationBarTitleText: '试题分析' });
