export default definePageConfig({ navigationBarTitleText: '每月一学管理' });
