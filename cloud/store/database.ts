import type { Kysely } from 'kysely'
import type { AppealEventsTable } from './tables/appeal-events'
import type {
  AppealDailyCountsTable,
  AppealDueHoursTable,
  AppealInboxCountsTable,
  AppealEscalationsTable,
  AppealNumberCountersTable,
  AppealsTable,
  KeptRebuildsTable,
  MonthlyTopicsTable,
} from './tables/appeals'
import type { BulletinPressesTable } from './tables/bulletin-presses'
import type { DepartmentsTable } from './tables/departments'
import type { EnterprisesTable } from './tables/enterprises'
import type { PoliciesTable, PolicySearchRowsTable, PolicySearchVersionTable } from './tables/policies'
import type { RoutingRulesTable } from './tables/routing-rules'
import type { HealthChecksTable, RequestReceiptsTable } from './tables/hardening'
import type { InspectionFindingsTable, InspectionsTable } from './tables/inspections'
import type { HelpEntriesTable, IndicatorReportsTable, PolicyClaimsTable, WarningTasksTable } from './tables/ledger'
import type { MessagesTable } from './tables/messages'
import type {
  ProjectAppealsTable,
  ProjectMilestonesTable,
  ProjectProgressTable,
  ProjectReviewItemsTable,
  ProjectReviewsTable,
  ProjectStageChangesTable,
  ProjectsTable,
} from './tables/projects'
import type { OutboxTable, SubscriptionGrantsTable } from './tables/outbox'
import type { PolicyFavouritesTable, PolicyViewsTable } from './tables/policy-reach'
import type { UploadsTable } from './tables/uploads'
import type { UsersTable } from './tables/users'
import type { AccessCodesTable, AttemptCountersTable, AuditLogTable, OwnerRequestsTable, TownSettingsTable } from './tables/onboarding'
import type { EnterpriseGoalsTable, EnterpriseTeamMembersTable, PlanMilestonesTable, VisitSlotsTable, VisitsTable } from './tables/visits'
import type {
  ExhibitionsTable,
  ExhibitorsTable,
  ExpoFollowsTable,
  ExpoInvitationsTable,
  ExpoScansTable,
  ExpoVisitorsTable,
} from './tables/exhibitions'

/** Every table the store holds, as Kysely sees it. Table types live beside this file in tables/. */
export interface Database {
  departments: DepartmentsTable
  users: UsersTable
  enterprises: EnterprisesTable
  policies: PoliciesTable
  policy_search_rows: PolicySearchRowsTable
  policy_search_version: PolicySearchVersionTable
  routing_rules: RoutingRulesTable
  appeals: AppealsTable
  appeal_daily_counts: AppealDailyCountsTable
  appeal_due_hours: AppealDueHoursTable
  appeal_inbox_counts: AppealInboxCountsTable
  kept_rebuilds: KeptRebuildsTable
  appeal_events: AppealEventsTable
  appeal_escalations: AppealEscalationsTable
  appeal_number_counters: AppealNumberCountersTable
  uploads: UploadsTable
  policy_favourites: PolicyFavouritesTable
  policy_views: PolicyViewsTable
  messages: MessagesTable
  subscription_grants: SubscriptionGrantsTable
  outbox: OutboxTable
  visit_slots: VisitSlotsTable
  visits: VisitsTable
  plan_milestones: PlanMilestonesTable
  enterprise_team_members: EnterpriseTeamMembersTable
  enterprise_goals: EnterpriseGoalsTable
  monthly_topics: MonthlyTopicsTable
  exhibitions: ExhibitionsTable
  exhibitors: ExhibitorsTable
  expo_scans: ExpoScansTable
  expo_visitors: ExpoVisitorsTable
  expo_invitations: ExpoInvitationsTable
  expo_follows: ExpoFollowsTable
  health_checks: HealthChecksTable
  request_receipts: RequestReceiptsTable
  access_codes: AccessCodesTable
  attempt_counters: AttemptCountersTable
  owner_requests: OwnerRequestsTable
  audit_log: AuditLogTable
  town_settings: TownSettingsTable
  help_entries: HelpEntriesTable
  policy_claims: PolicyClaimsTable
  indicator_reports: IndicatorReportsTable
  warning_tasks: WarningTasksTable
  projects: ProjectsTable
  project_stage_changes: ProjectStageChangesTable
  project_milestones: ProjectMilestonesTable
  project_progress: ProjectProgressTable
  project_reviews: ProjectReviewsTable
  project_review_items: ProjectReviewItemsTable
  project_appeals: ProjectAppealsTable
  inspections: InspectionsTable
  inspection_findings: InspectionFindingsTable
  bulletin_presses: BulletinPressesTable
}

/** The store as code outside it holds it: the whole store, or a transaction on it (repositories take either). */
export type Db = Kysely<Database>

/**
 * Runs `work` in one transaction: what it writes commits together, or (when it throws) not at all.
 * Answers what `work` answers.
 */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute(work)
}
