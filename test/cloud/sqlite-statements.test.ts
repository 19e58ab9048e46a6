import SQLite from 'better-sqlite3'
import type { SqliteDatabase, SqliteStatement } from 'kysely'
import { keptStatements } from '../../cloud/store/connect'

/** A connection that counts what it compiles, and runs nothing. */
function countingConnection() {
  const compiled: string[] = []
  const connection: SqliteDatabase = {
    close: () => {},
    prepare(text) {
      compiled.push(text)
      return { reader: true, all: () => [], run: () => ({ changes: 0, lastInsertRowid: 0 }), iterate: () => [][Symbol.iterator]() }
    },
  }
  return { connection, compiled }
}

const long = (n: number) => `select ${Array.from({ length: 800 }, (_, i) => `${n} + ${i}`).join(', ')}`

describe('SQLite statements kept compiled', () => {
  it('compiles a text once and hands back the same statement', () => {
    const { connection, compiled } = countingConnection()
    const kept = keptStatements(connection, { short: 3, long: 2 })
    const first = kept.prepare('select 1')
    expect(kept.prepare('select 1')).toBe(first)
    expect(kept.prepare('select 2')).not.toBe(first)
    expect(compiled).toEqual(['select 1', 'select 2'])
  })

  it('drops the least recently used past its limit, short and long ones each by their own', () => {
    const { connection, compiled } = countingConnection()
    const kept = keptStatements(connection, { short: 3, long: 2 })
    for (const text of ['select 1', 'select 2', 'select 3']) kept.prepare(text)
    kept.prepare('select 1') // used again: now the most recent
    // Long statements fill their own room and push out no short one.
    for (const n of [1, 2, 3]) kept.prepare(long(n))
    kept.prepare('select 4') // pushes out select 2, the least recently used
    compiled.length = 0
    for (const text of ['select 1', 'select 3', 'select 4', long(2), long(3)]) kept.prepare(text)
    expect(compiled).toEqual([])
    kept.prepare('select 2')
    kept.prepare(long(1))
    expect(compiled).toEqual(['select 2', long(1)])
  })

  it('a kept statement reads the schema as a later change left it', () => {
    const sqlite = new SQLite(':memory:')
    const kept = keptStatements(sqlite as unknown as SqliteDatabase)
    const run = (text: string, ...parameters: unknown[]) => {
      const statement: SqliteStatement = kept.prepare(text)
      return statement.reader ? statement.all(parameters) : statement.run(parameters)
    }
    run('create table t (a integer)')
    run('insert into t (a) values (?)', 1)
    expect(run('select * from t')).toEqual([{ a: 1 }])
    run('alter table t add column b text')
    run('update t set b = ?', 'x')
    expect(run('select * from t')).toEqual([{ a: 1, b: 'x' }])
    kept.close()
  })
})
