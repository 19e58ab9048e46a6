import Taro from '@tarojs/taro'
import type { DrillMeasure } from '../../../cloud/domain/metrics'

/**
 * Opens the appeals behind a figure. Shared by the leader pages from here: a page module's other
 * exports do not survive the mini-program build (only its default component does).
 */
export const drill = (month: string, measure: DrillMeasure, filter: { departmentId?: string; category?: string } = {}, title = '') =>
  Taro.navigateTo({
    url: `/packageLeader/pages/drill/index?month=${month}&measure=${measure}${filter.departmentId ? `&departmentId=${filter.departmentId}` : ''}${filter.category ? `&category=${encodeURIComponent(filter.category)}` : ''}&title=${encodeURIComponent(title)}`,
  })
