export default definePageConfig({ navigationBarTitleText: '党规题库' });
