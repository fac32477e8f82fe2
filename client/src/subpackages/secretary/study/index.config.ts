export default definePageConfig({ navigationBarTitleText: '本月学习情况' });
