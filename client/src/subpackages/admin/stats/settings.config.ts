export default definePageConfig({ navigationBarTitleText: '达标线与自动催学' });
