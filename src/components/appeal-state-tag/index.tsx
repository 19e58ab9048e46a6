import { Tag } from '@nutui/nutui-react-taro'
import type { AppealSummary } from '../../../cloud/contract'

/** Where an appeal stands, red once its deadline has passed. */
export function AppealStateTag({ appeal }: { appeal: Pick<AppealSummary, 'stateLabel' | 'overdue'> }) {
  return (
    <Tag plain round background={appeal.overdue ? 'var(--bb-danger)' : 'var(--bb-primary)'}>
      {appeal.stateLabel}
    </Tag>
  )
}
