export default definePageConfig({ navigationBarTitleText: '每月一学', disableScroll: true });
