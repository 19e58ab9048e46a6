import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useAction } from '../../../hooks/use-action'
import { pageClass } from '../../../hooks/use-care-mode'
import './index.scss'

const go = (page: string) => () => Taro.navigateTo({ url: `/packageAdmin/pages/${page}/index` })

/**
 * 组织管理 (admins): the town's organisation run from the app, in the order a new office sets it up:
 * departments and where each kind of appeal goes, the people, the enterprises, and the record of
 * every change. docs/onboarding.md says the same in words.
 */
export default function OrgPage() {
  const { data: departments } = useAction('org.departments', {})
  const { data: staff } = useAction('staff.list', {})
  const { data: roster } = useAction('roster.list', { limit: 1 })
  const invited = staff?.filter((s) => s.status === 'invited').length ?? 0
  return (
    <View className={pageClass('org')}>
      <View className='bb-muted org__hint'>第一次使用：先建部门并设好诉求分派，再添加人员、发出邀请，最后导入企业名录。</View>
      <CellGroup>
        <Cell
          title='1. 部门与分派'
          description='部门、职责，各类诉求先交哪个部门，走访频次，经营数据填报项'
          extra={departments ? `${departments.length} 个部门` : ''}
          clickable
          onClick={go('departments')}
        />
        <Cell
          title='2. 人员管理'
          description='添加工作人员，发邀请码；停用；交接'
          extra={staff ? `${staff.length} 人${invited ? `，${invited} 人未领取` : ''}` : ''}
          clickable
          onClick={go('staff')}
        />
        <Cell
          title='3. 企业名录'
          description='导入导出 Excel，增改、停用企业，批量包保'
          extra={roster ? `${roster.total} 家` : ''}
          clickable
          onClick={go('roster')}
        />
        <Cell title='变更记录' description='谁在何时改了什么' clickable onClick={go('audit')} />
      </CellGroup>
    </View>
  )
}
