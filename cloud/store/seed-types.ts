import type { EnterpriseKind } from '../domain/policy-match'
import type { Role } from '../domain/roles'

/** The shape of the seed data under seeds/: plain records, validated and inserted by seed.ts. */
export interface SeedDepartment {
  id: string
  name: string
  /** 职责: what this department handles, shown to people routing appeals. */
  remit: string
}

export interface SeedUser {
  id: string
  name: string
  role: Exclude<Role, 'owner'>
  /** Job title as people say it, e.g. 经济发展局副局长. */
  title: string
  phone: string
  departmentId?: string
}

export interface SeedEnterprise {
  id: string
  name: string
  creditCode: string
  /** 药包材, 玻璃制品, 食品, 塑料制品, 可降解材料, 物流, 化工, 建材, 机械制造, 现代农业 … */
  industry: string
  kind: EnterpriseKind
  /** The park or area it sits in, e.g. 杜生工业园. */
  park: string
  address: string
  legalPerson: string
  /** 驻企特派员 / 帮扶责任人: an officer's user id. */
  officerId: string
  /** 包抓部门: a department id. */
  departmentId: string
  /** 包抓领导: a leader's user id. */
  leaderId: string
  /** Qualifications it holds (高新技术, 专精特新 …), which some policies ask for. */
  tags?: string[]
  /** 帮扶团队; by default its department's 帮扶小组. */
  team?: string
  owner: { id: string; name: string; phone: string }
}

export interface SeedOrg {
  departments: SeedDepartment[]
  users: SeedUser[]
  enterprises: SeedEnterprise[]
}
