// The API tests run on a shared two-core machine, on SQLite and again on PostgreSQL beside other
// work: a store-backed test gets 15 s before it counts as hung (nothing here measures speed).
jest.setTimeout(15_000)
