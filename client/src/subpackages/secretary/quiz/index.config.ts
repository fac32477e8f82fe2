export default definePageConfig({ navigationBarTitleText: '答题情况' });
