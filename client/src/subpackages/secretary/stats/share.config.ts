export default definePageConfig({ navigationBarTitleText: '分享完成情况', enableShareAppMessage: true });
