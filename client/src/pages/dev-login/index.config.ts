export default definePageConfig({ navigationBarTitleText: '选择测试身份' });
