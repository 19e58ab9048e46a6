/**
 * The 督查 office's rules (经济发展局督查办; the admin role in the app): how large a share of 好评 it
 * calls back at random to catch a rating given under pressure (抽查回访), and where complaints about
 * staff (作风投诉) go: to a 纪检 department when one is configured, else to the office itself.
 */
export interface OfficeRules {
  /** 0–1: the share of 好评 picked for a call. */
  spotCheckShare: number
  /** The department that handles complaints about staff (纪检), or null: the 督查 office holds them. */
  conductDepartmentId: string | null
}

export const DEFAULT_OFFICE_RULES: OfficeRules = { spotCheckShare: 0.1, conductDepartmentId: null }

/** A draw in [0, 1) picks a 好评 for a call when it falls inside the share. */
export const pickedForSpotCheck = (draw: number, share: number) => draw < share
