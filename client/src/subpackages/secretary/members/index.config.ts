export default definePageConfig({ navigationBarTitleText: '本支部党员' });
