type CareMode = typeof import('../../src/hooks/use-care-mode')

/**
 * The module as a freshly started app loads it, on a device that kept `kept` (or nothing): the
 * module and the storage it writes to.
 */
function freshStart(kept?: unknown): { app: CareMode; storage: Map<string, unknown> } {
  let started: { app: CareMode; storage: Map<string, unknown> } | undefined
  jest.isolateModules(() => {
    const storage = (jest.requireActual('@tarojs/taro').default as { __storage: Map<string, unknown> }).__storage
    storage.clear()
    if (kept !== undefined) storage.set('bangban.care-mode', kept)
    started = { app: jest.requireActual('../../src/hooks/use-care-mode'), storage }
  })
  return started!
}

describe('关怀模式', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp'
  })

  it('is off until chosen: a page root carries only the shared and its own class', () => {
    expect(freshStart().app.pageClass('me')).toBe('bb-page me')
    expect(freshStart().app.pageClass()).toBe('bb-page')
  })

  it('once switched on, every page root carries the care class, and the device keeps the choice', () => {
    const { app, storage } = freshStart()
    app.setCareMode(true)
    expect(app.pageClass('me')).toBe('bb-page bb-care me')
    const kept = storage.get('bangban.care-mode')
    expect(freshStart(kept).app.pageClass('policies')).toBe('bb-page bb-care policies')

    app.setCareMode(false)
    expect(app.pageClass('me')).toBe('bb-page me')
    expect(freshStart(storage.get('bangban.care-mode')).app.pageClass('me')).toBe('bb-page me')
  })
})
