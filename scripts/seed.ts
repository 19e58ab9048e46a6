import { systemClock } from '../cloud/domain/clock'
import { seedIfEmpty } from '../cloud/store/seed'
import { runWithStore } from './with-store'

/** `npm run db:seed`: writes the demo town into the store named by DATABASE_URL, if it is empty. */
runWithStore(async (store) => {
  console.log((await seedIfEmpty(store, systemClock, undefined, { demo: true })) ? 'seeded' : 'store already has data; left as it is')
})
