import Taro from '@tarojs/taro'

/**
 * What the app collects from a person's phone, where and why: the one list the privacy guide
 * (小程序用户隐私保护指引) is written from, the 隐私 page shows, and a test checks against the code.
 * Name and phone are typed in by the person (an appeal's contact, a visitor registration).
 */
// `item` is the name of the item in WeChat's own guide form, worded by WeChat (with 你); what the
// app itself says to a person uses 您.
export const PRIVACY_USES = [
  {
    api: 'chooseMedia',
    item: '你选中的照片或视频信息',
    label: '照片',
    purpose: '作为诉求的附件，帮助工作人员了解现场情况',
    where: '提交诉求、补充材料',
  },
  {
    api: 'chooseMessageFile',
    item: '你选中的文件',
    label: '文件',
    purpose: '作为诉求的附件（如合同、证照）；管理员导入企业名录表格',
    where: '提交诉求、导入企业名录（仅管理员）',
  },
  {
    api: 'getLocation',
    item: '你的位置信息',
    label: '位置信息',
    purpose: '走访签到时证明走访人员到过企业；可以拒绝，拒绝也能签到',
    where: '走访签到（仅工作人员）',
  },
] as const

/** What people type in themselves, declared in the guide as well. */
export const TYPED_IN = [
  {
    item: '你的姓名和手机号',
    label: '姓名和手机号',
    purpose: '诉求、走访预约和展会登记的联系人，绑定企业时告诉企业负责人和驻企特派员您是谁，便于工作人员联系您',
    where: '提交诉求、预约走访、展会登记、绑定企业',
  },
] as const

export type PrivacyApi = (typeof PRIVACY_USES)[number]['api']

const AGREED_KEY = 'privacy-agreed-v1'

/**
 * Asks for the person's agreement before any API that touches their data. On WeChat it is the
 * platform's own privacy prompt (requirePrivacyAuthorize, with __usePrivacyCheck__ in app.json),
 * which asks only until the person agrees; in a browser, a dialog whose answer is remembered.
 * Answers whether the person agreed: on a refusal nothing is collected.
 */
export async function ensurePrivacyAgreed(): Promise<boolean> {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      await Taro.requirePrivacyAuthorize()
      return true
    } catch {
      return false
    }
  }
  if (Taro.getStorageSync(AGREED_KEY) === 'yes') return true
  const { confirm } = await Taro.showModal({
    title: '隐私保护提示',
    content: `助企帮办将在您使用时收集${PRIVACY_USES.map((u) => u.label).join('、')}，仅用于${[...new Set(PRIVACY_USES.map((u) => u.where))].join('和')}。详见“我的 → 个人信息与隐私”。`,
    confirmText: '同意',
    cancelText: '拒绝',
  })
  if (confirm) Taro.setStorageSync(AGREED_KEY, 'yes')
  return confirm
}
