import { warnOfUnknownHolidays } from '../cloud/app/deadline-config'
import { systemClock } from '../cloud/domain/clock'
import { sweepAppeals } from '../cloud/workflows/supervision-sweep'
import { runWithStore } from './with-store'

/** `npm run sweep`: one supervision sweep over the store named by DATABASE_URL. */
runWithStore(async (store, { deadlines, visitFrequency }) => {
  warnOfUnknownHolidays(deadlines, systemClock.now(), console)
  const result = await sweepAppeals({ db: store.db, clock: systemClock, deadlines, visitFrequency, log: console })
  console.log(`checked ${result.checked} appeals, ${result.stepped} reminded or escalated`)
})
