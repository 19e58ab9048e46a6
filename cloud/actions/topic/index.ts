import type { topicActions } from '../../contract/topic'
import type { AreaHandlers } from '../handler'
import { assignTopic, listTopics, topicCandidates } from './monthly-topic'

/** The topic area's handlers, one per action of cloud/contract/topic.ts: a missing or extra one does not compile. */
export const topicHandlers = {
  'topic.candidates': topicCandidates,
  'topic.assign': assignTopic,
  'topic.list': listTopics,
} satisfies AreaHandlers<typeof topicActions>
