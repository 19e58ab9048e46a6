import Taro from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { QueryClientProvider } from '@tanstack/react-query'
import { queryClient } from './api/query'
import { loadSubscriptionTemplates } from './api/subscribe'
import './app.scss'

if (process.env.TARO_ENV === 'weapp') {
  // Every API call goes through the cloud function; CLOUD_ENV picks the environment at build time.
  Taro.cloud.init({ env: CLOUD_ENV || undefined, traceUser: true })
  void loadSubscriptionTemplates()
}

function App({ children }: PropsWithChildren) {
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
}

export default App
