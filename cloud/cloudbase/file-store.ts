import type { FileStore } from '../actions/ports'

/** What the file store needs of wx-server-sdk. */
export interface CloudFiles {
  deleteFile(request: { fileList: string[] }): Promise<{ fileList: { fileID: string; status: number; errMsg?: string }[] }>
}

/** CloudBase: uploads are cloud storage files, removed by their fileIDs (50 to a call, as the API allows). */
export function cloudFileStore(cloud: CloudFiles): FileStore {
  return {
    async remove(files) {
      const ids = files.filter((f) => f.storage === 'cloud').map((f) => f.storage_key)
      for (let i = 0; i < ids.length; i += 50) {
        const { fileList } = await cloud.deleteFile({ fileList: ids.slice(i, i + 50) })
        const failed = fileList.filter((f) => f.status !== 0)
        if (failed.length) throw new Error(`deleteFile: ${failed.map((f) => `${f.fileID} ${f.errMsg ?? f.status}`).join('; ')}`)
      }
    },
  }
}
