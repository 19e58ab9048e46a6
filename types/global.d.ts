/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

/** Set at build time in config/index.ts. */
declare const CLOUD_ENV: string
declare const API_BASE: string

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV?: 'development' | 'production' | 'test'
    TARO_ENV?: 'weapp' | 'h5'
    TARO_APP_ID?: string
  }
}
