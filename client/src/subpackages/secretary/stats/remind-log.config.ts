export default definePageConfig({ navigationBarTitleText: '催学记录' });
