import { rm } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { FileStore } from '../actions/ports'

/** The local host's files: kept under its upload folder, each named by its upload id. */
export function localFileStore(dir: string): FileStore {
  return {
    async remove(files) {
      for (const file of files.filter((f) => f.storage === 'local')) await rm(join(dir, basename(file.storage_key)), { force: true })
    },
  }
}
