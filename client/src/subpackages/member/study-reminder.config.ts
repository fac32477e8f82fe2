export default definePageConfig({ navigationBarTitleText: '学习提醒' });
