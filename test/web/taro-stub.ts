/**
 * The few Taro APIs the client layer calls, as jest mocks. Each test sets what they answer and
 * asserts what was asked of them.
 */
const storage = new Map<string, unknown>()

const Taro = {
  showToast: jest.fn(async () => ({})),
  reLaunch: jest.fn(async () => ({})),
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => void storage.set(key, value)),
  removeStorageSync: jest.fn((key: string) => void storage.delete(key)),
  cloud: { callFunction: jest.fn() },
  requestSubscribeMessage: jest.fn(),
  __storage: storage,
}

export default Taro
export const useDidShow = jest.fn()
export const useRouter = jest.fn(() => ({ params: {} }))
