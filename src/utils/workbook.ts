import Taro from '@tarojs/taro'
import { ensurePrivacyAgreed } from '../api/privacy'

/** Saves the .xlsx and opens it: WeChat writes it to the user's files and opens it; a browser downloads it. */
export async function saveWorkbook(fileName: string, base64: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const link = document.createElement('a')
    link.href = `data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,${base64}`
    link.download = fileName
    link.click()
    return
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`
  Taro.getFileSystemManager().writeFileSync(filePath, base64, 'base64')
  await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true })
}

/** A workbook the person picked, as base64 for the API. */
export interface PickedWorkbook {
  name: string
  base64: string
}

/** Reads a browser File as base64, without the data: prefix. */
function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error)
    reader.readAsDataURL(file)
  })
}

/**
 * Lets the person pick an .xlsx: on WeChat from a chat (chooseMessageFile, after agreeing to the
 * privacy guide), in a browser from the file system. Answers null when they pick nothing.
 */
export async function pickWorkbook(): Promise<PickedWorkbook | null> {
  if (process.env.TARO_ENV === 'h5') {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    const file = await new Promise<File | null>((resolve) => {
      input.onchange = () => resolve(input.files?.[0] ?? null)
      input.click()
    })
    return file ? { name: file.name, base64: await readAsBase64(file) } : null
  }
  return pickWorkbookOnWechat()
}

const pickWorkbookOnWechat = async (): Promise<PickedWorkbook | null> => {
  if (!(await ensurePrivacyAgreed())) return null
  const chosen = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] }).catch(() => null)
  const file = chosen?.tempFiles[0]
  if (!file) return null
  const base64 = Taro.getFileSystemManager().readFileSync(file.path, 'base64') as string
  return { name: file.name, base64 }
}
