export default definePageConfig({ navigationBarTitleText: '党员完成情况' });
