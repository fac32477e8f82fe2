const tabPages = ['pages/index/index', 'pages/study/index', 'pages/quiz/index', 'pages/party-day/index', 'pages/mine/index'];

// The identity picker exists only in the browser build (devcloud); it must never ship in the mini-program.
const devPages = process.env.TARO_ENV === 'h5' ? ['pages/dev-login/index'] : [];

const tab = (pagePath: string, text: string, icon: string) => ({
  pagePath,
  text,
  iconPath: `assets/tabbar/${icon}.png`,
  selectedIconPath: `assets/tabbar/${icon}-active.png`,
});

export default defineAppConfig({
  pages: [...tabPages, 'pages/bind/index', 'pages/reader/index', ...devPages],
  // Secretary and organisation-department pages stay out of the main package (size budget, DESIGN.md).
  subPackages: [
    {
      root: 'subpackages/secretary',
      pages: [
        'pages/index',
        'study/index',
        'members/index',
        'approvals/index',
        'party-day/index',
        'party-day/code',
        'party-day/sheet',
        'quiz/index',
        'stats/index',
        'stats/member',
        'stats/remind-log',
        'stats/share',
      ],
    },
    // Playing a round, its review and the 错题本: opened from the 答题 tab, loaded on first use.
    { root: 'subpackages/quiz', pages: ['play', 'review', 'practice', 'leaderboard'] },
    // 开启学习提醒 (opened from 我的): its page carries the stats contract, which the main package does without.
    { root: 'subpackages/member', pages: ['study-reminder'] },
    {
      root: 'subpackages/admin',
      pages: [
        'pages/index',
        'study/index',
        'org-tree/index',
        'roster/index',
        'import/index',
        'quiz/index',
        'quiz/rounds/index',
        'quiz/items/index',
        'stats/index',
        'stats/trend',
        'stats/settings',
        'stats/export',
      ],
    },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '支部学习',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f6f1ee',
  },
  tabBar: {
    color: '#6b6b6b',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      tab('pages/index/index', '首页', 'home'),
      tab('pages/study/index', '学习', 'study'),
      tab('pages/quiz/index', '答题', 'quiz'),
      tab('pages/party-day/index', '党日', 'party-day'),
      tab('pages/mine/index', '我的', 'mine'),
    ],
  },
  networkTimeout: { request: 15000 },
  // Components are injected when a page renders them, not all at launch (WeChat 代码质量: 按需注入).
  lazyCodeLoading: 'requiredComponents',
  // 主题党日: the secretary picks the place on a map; a fenced check-in asks for the position then, nowhere else.
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  // Guarded APIs wait for onNeedPrivacyAuthorization (services/privacy-listener.weapp.ts) on every base library.
  __usePrivacyCheck__: true,
  permission: { 'scope.userLocation': { desc: '用于确认您在主题党日活动现场签到' } },
});
