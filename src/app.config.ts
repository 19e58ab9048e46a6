const isH5 = process.env.TARO_ENV === 'h5'

/** A tab and its icons (drawn by scripts/make-tab-icons.ts). */
const tab = (page: string, text: string) => ({
  pagePath: `pages/${page}/index`,
  text,
  iconPath: `assets/tab/${page}.png`,
  selectedIconPath: `assets/tab/${page}-active.png`,
})

export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/appeals/index',
    'pages/policies/index',
    'pages/visits/index',
    'pages/me/index',
    'pages/policy-detail/index',
    'pages/appeal-new/index',
    'pages/appeal-detail/index',
    'pages/appeal-done/index',
    'pages/bind/index',
    // A scanned invitation or binding code opens these directly, before any subpackage.
    'pages/join/index',
    'pages/members/index',
    'pages/favourites/index',
    'pages/messages/index',
    'pages/privacy/index',
    // A scanned exhibition code opens it directly, so it cannot wait for a subpackage.
    'pages/expo/index',
    // Picking a demo identity exists only in the browser build; on WeChat the OPENID is the identity.
    ...(isH5 ? ['pages/login/index'] : []),
  ],
  subPackages: [
    {
      root: 'packageOfficer',
      name: 'officer',
      pages: [
        'pages/workbench/index',
        'pages/enterprises/index',
        'pages/file-for/index',
        'pages/help-record/index',
        'pages/warnings/index',
        'pages/policy-claims/index',
      ],
    },
    {
      root: 'packageLeader',
      name: 'leader',
      pages: [
        'pages/dashboard/index',
        'pages/drill/index',
        'pages/bulletin/index',
        'pages/assessment/index',
        'pages/assessment-items/index',
        'pages/inspection/index',
        'pages/breakdown/index',
        'pages/projects/index',
        'pages/project/index',
        'pages/project-edit/index',
        'pages/project-meeting/index',
        'pages/project-reviews/index',
        'pages/project-review/index',
      ],
    },
    { root: 'packageService', name: 'service', pages: ['pages/catalogue/index', 'pages/item/index'] },
    {
      root: 'packageAdmin',
      name: 'admin',
      pages: [
        'pages/policies/index',
        'pages/policy-edit/index',
        'pages/exhibition/index',
        'pages/org/index',
        'pages/staff/index',
        'pages/departments/index',
        'pages/roster/index',
        'pages/audit/index',
      ],
    },
    {
      root: 'packageVisit',
      name: 'visit',
      pages: [
        'pages/book/index',
        'pages/visit/index',
        'pages/record/index',
        'pages/availability/index',
        'pages/compliance/index',
        'pages/dossier/index',
        'pages/checkin/index',
        'pages/code/index',
        // The owner's 帮扶记录 and monthly figures, beside its 一企一档; staff watch the figures.
        'pages/help/index',
        'pages/indicators/index',
        'pages/indicator-watch/index',
      ],
    },
  ],
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f4f6fa',
    navigationBarBackgroundColor: '#1f5fd6',
    navigationBarTitleText: '助企帮办',
    navigationBarTextStyle: 'white',
    // WeChat draws its own bar; in a phone's browser (a printed exhibition code opens the H5 app)
    // Taro's router draws the same title with a back and a home button only when this is set.
    navigationStyle: 'default',
  },
  tabBar: {
    color: '#646c78',
    selectedColor: '#1f5fd6',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [tab('home', '首页'), tab('appeals', '诉求'), tab('policies', '政策'), tab('visits', '走访'), tab('me', '我的')],
  },
  // Lets WeChat download a subpackage before the officer or leader opens it.
  preloadRule: {
    'pages/me/index': { network: 'all', packages: ['officer', 'leader'] },
    'pages/visits/index': { network: 'all', packages: ['visit'] },
  },
  // Check-in on a visit records where the visitor is, if they allow it; nothing else asks for location.
  permission: { 'scope.userLocation': { desc: '走访签到时记录您所在的位置，作为走访凭证' } },
  requiredPrivateInfos: ['getLocation'],
  // WeChat's own privacy prompt guards every privacy API until the person agrees (src/api/privacy.ts).
  __usePrivacyCheck__: true,
  // WeChat injects a page's components only when the page is opened, so the app starts faster.
  lazyCodeLoading: 'requiredComponents',
  // In the browser, pages switch without the slide: Taro's H5 router hides the page left behind on a
  // timer, which can fire after a quick return to it and leave a blank screen.
  ...(isH5 ? { animation: false } : {}),
})
