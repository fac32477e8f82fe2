export default definePageConfig({ navigationBarTitleText: '组织部后台' });
