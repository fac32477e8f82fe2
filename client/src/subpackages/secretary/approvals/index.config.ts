export default definePageConfig({ navigationBarTitleText: '邀请码与入支审核' });
