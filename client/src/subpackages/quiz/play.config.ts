export default definePageConfig({ navigationBarTitleText: '党规答题' });
