/**
 * Whether an error is a unique constraint refusing a duplicate. SQLite and PostgreSQL say it in
 * their own words; a caller turns it into a 409 that means "someone else got there first".
 */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string }
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(e?.message ?? '')
}
