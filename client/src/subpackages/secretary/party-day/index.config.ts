export default definePageConfig({ navigationBarTitleText: '主题党日' });
