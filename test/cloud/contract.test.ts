import { z } from 'zod'
import { handlers } from '../../cloud/actions'
import { actions, type ActionName } from '../../cloud/contract'
import { ROLES } from '../../cloud/domain/roles'

describe('contract', () => {
  const names = Object.keys(actions) as ActionName[]

  it('every action has exactly one handler', () => {
    expect(Object.keys(handlers).sort()).toEqual([...names].sort())
  })

  it.each(names)('%s says who may call it and documents its payload', (name) => {
    const spec = actions[name]
    expect(spec.summary.length).toBeGreaterThan(4)
    if (spec.access !== 'public') {
      expect(spec.access.length).toBeGreaterThan(0)
      for (const role of spec.access) expect(ROLES).toContain(role)
    } else {
      // Public actions are only the dev-login pair; everything else needs an identity.
      expect('devOnly' in spec && spec.devOnly).toBe(true)
    }
    const schema = z.toJSONSchema(spec.input, { io: 'input' }) as { type: string; additionalProperties: boolean }
    expect(schema).toMatchObject({ type: 'object', additionalProperties: false })
  })
})
