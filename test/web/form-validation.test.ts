import { createAppealInput, fileForInput } from '../../cloud/contract/appeal'
import { saveGoalInput } from '../../cloud/contract/plan'
import { publishablePolicy, savePolicyInput } from '../../cloud/contract/policy'
import { checkForm, errorsFromApi, footMessage, withoutFields } from '../../src/forms/validate'

/** An appeal form as the page sends it, filled in properly. */
const appeal = {
  clientRequestId: 'form-test-0001',
  category: '水电气路',
  conduct: false,
  anonymous: false,
  title: '新厂房用电增容',
  description: '新上两条生产线，现有变压器容量不够，需要增容。',
  urgency: 'normal',
  contactName: '王经理',
  contactPhone: '13800000001',
  attachmentIds: [],
}

describe('checking a form with the action’s own schema', () => {
  it('passes a whole form, with what the schema makes of it', () => {
    const checked = checkForm(createAppealInput, { ...appeal, title: '  新厂房用电增容 ' })
    expect(checked).toEqual({ ok: true, data: expect.objectContaining({ title: '新厂房用电增容', category: '水电气路' }) })
  })

  it('names every problem at once, one plain Chinese message per field', () => {
    const checked = checkForm(createAppealInput, {
      ...appeal,
      category: undefined,
      title: '  ',
      description: '太短了',
      contactName: '',
      contactPhone: '123',
    })
    expect(checked).toEqual({
      ok: false,
      errors: {
        category: '请选择诉求类别',
        title: '请填写诉求标题',
        description: '诉求内容请至少写 10 个字，说清楚遇到了什么问题',
        contactName: '请填写联系人',
        contactPhone: '请填写 11 位手机号或带区号的固定电话',
      },
    })
  })

  it('asks for a field that is missing altogether by its title, not with zod’s words about types', () => {
    const { title: _title, ...withoutTitle } = appeal
    expect(checkForm(createAppealInput, withoutTitle)).toEqual({ ok: false, errors: { title: '请填写诉求标题' } })
  })

  it('asks to choose what a person picks rather than types (an enterprise, a source), and for a 12345 工单 its number', () => {
    const { conduct: _conduct, attachmentIds: _ids, ...common } = appeal
    expect(checkForm(fileForInput, { ...common, enterpriseId: undefined, channel: undefined })).toEqual({
      ok: false,
      errors: { enterpriseId: '请选择企业', channel: '请选择诉求来源' },
    })
    expect(checkForm(fileForInput, { ...common, enterpriseId: 'ent-1', channel: 'hotline' })).toEqual({
      ok: false,
      errors: { hotlineTicket: '12345 热线工单请填写工单编号' },
    })
    // The rule across two fields speaks with the others, as soon as the two it reads are right on their own.
    expect(checkForm(fileForInput, { ...common, title: '', enterpriseId: 'ent-1', channel: 'hotline' })).toEqual({
      ok: false,
      errors: { title: '请填写诉求标题', hotlineTicket: '12345 热线工单请填写工单编号' },
    })
    // Not while a field it reads is wrong: that field's own message says what to fix.
    expect(checkForm(fileForInput, { ...common, enterpriseId: 'ent-1', channel: 'fax' })).toEqual({
      ok: false,
      errors: { channel: '请选择诉求来源' },
    })
    expect(checkForm(fileForInput, { ...common, enterpriseId: 'ent-1', channel: 'hotline', hotlineTicket: 'GD2026-0457' }).ok).toBe(true)
  })

  it('says a number box holds no number in plain words, not zod’s', () => {
    const goal = { clientRequestId: 'form-test-0003', enterpriseId: 'ent-1', label: '年纳税', unit: '万元', dueOn: '2026-12-31' }
    expect(checkForm(saveGoalInput, { ...goal, target: Number('1.2.3') })).toEqual({ ok: false, errors: { target: '目标值请填写数字' } })
    expect(checkForm(saveGoalInput, { ...goal, target: undefined })).toEqual({ ok: false, errors: { target: '请填写目标值' } })
  })

  it('a half-written policy is a draft (a title is enough); to publish, it must be whole', () => {
    const half = { clientRequestId: 'form-test-0002', title: '技改补助', body: '## 谁能享受\n规上企业' }
    expect(checkForm(savePolicyInput, half).ok).toBe(true)
    expect(checkForm(savePolicyInput, { ...half, title: '' })).toEqual({ ok: false, errors: { title: '请填写标题' } })
    expect(checkForm(publishablePolicy, { ...half, expiresAt: '2026-02-30' })).toEqual({
      ok: false,
      errors: {
        issuer: '请填写发文单位',
        category: '请选择政策类别',
        effectiveFrom: '请填写施行日期',
        expiresAt: '截止日期不是有效的日期',
        summary: '请填写一句话看懂',
        body: '解读正文缺少小节 “## 能享受什么”、“## 怎么办理”',
      },
    })
  })

  it('a rule across fields lands on the field it names', () => {
    const whole = {
      title: '技改补助',
      issuer: '产业服务办',
      category: '产业扶持',
      effectiveFrom: '2026-03-01',
      expiresAt: '2026-02-01',
      summary: '一句话看懂：技改可申请补助。',
      body: '## 谁能享受\n企业\n\n## 能享受什么\n补助\n\n## 怎么办理\n申报',
    }
    expect(checkForm(publishablePolicy, whole)).toEqual({ ok: false, errors: { expiresAt: '截止日期不能早于施行日期' } })
  })

  it('where a schema says nothing of its own, zod speaks Chinese too', () => {
    const checked = checkForm(savePolicyInput, { clientRequestId: 'form-test-0003', title: '补助', tags: Array(21).fill('标签') })
    expect(checked.ok).toBe(false)
    const message = (checked as { errors: Record<string, string> }).errors.tags
    expect(message).toMatch(/[\u4e00-\u9fa5]/)
    expect(message).not.toMatch(/too big|expected/i)
  })

  it('no message carries a field’s key', () => {
    const checked = checkForm(createAppealInput, {})
    expect(checked.ok).toBe(false)
    for (const message of Object.values((checked as { errors: Record<string, string> }).errors)) {
      expect(message).not.toMatch(/[A-Za-z]{3,}|[()（）]/)
    }
  })
})

describe('a refusal from the API on the form', () => {
  it('goes under the field it names, without the lead that names the field', () => {
    expect(errorsFromApi({ message: '「诉求标题」(title)：请填写诉求标题', field: 'title' })).toEqual({ title: '请填写诉求标题' })
    expect(errorsFromApi({ message: '「企业类型」(kinds.0)：无效选项', field: 'kinds.0' })).toEqual({ kinds: '无效选项' })
    expect(errorsFromApi({ message: '附件已被删除，请重新上传', field: 'attachmentIds' })).toEqual({
      attachmentIds: '附件已被删除，请重新上传',
    })
  })

  it('without a field, at the form’s foot', () => {
    expect(errorsFromApi({ message: '网络连接失败，请检查网络后重试' })).toEqual({ '': '网络连接失败，请检查网络后重试' })
  })
})

describe('the messages as the person edits', () => {
  it('editing a field takes its message away and leaves the others', () => {
    const errors = { title: '请填写诉求标题', contactName: '请填写联系人' }
    expect(withoutFields(errors, ['title'])).toEqual({ contactName: '请填写联系人' })
    // Nothing to take away: the same object, so the page does not render again for nothing.
    expect(withoutFields(errors, ['urgency'])).toBe(errors)
  })

  it('the foot shows the form’s own message, or one about a field the form has no place for', () => {
    expect(footMessage({ '': '服务暂时出了点问题', title: 'x' }, ['title'])).toBe('服务暂时出了点问题')
    expect(footMessage({ title: '请填写诉求标题', policyId: '这条政策不存在' }, ['title'])).toBe('这条政策不存在')
    expect(footMessage({ title: '请填写诉求标题' }, ['title'])).toBeUndefined()
  })
})
