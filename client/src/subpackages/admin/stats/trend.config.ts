export default definePageConfig({ navigationBarTitleText: '完成率趋势' });
