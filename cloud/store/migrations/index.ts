import type { Migration } from 'kysely'
import * as m0001 from './0001-foundation'
import * as m0002 from './0002-appeals'
import * as m0003 from './0003-casework'
import * as m0004 from './0004-uploads'
import * as m0005 from './0005-policy-reach'
import * as m0006 from './0006-outbox'
import * as m0007 from './0007-appeal-metrics'
import * as m0008 from './0008-visits'
import * as m0009 from './0009-exhibitions'
import * as m0010 from './0010-leader-views'
import * as m0011 from './0011-onboarding'
import * as m0012 from './0012-appeal-standard'
import * as m0013 from './0013-hardening'
import * as m0014 from './0014-policy-search'
import * as m0015 from './0015-help-ledger'
import * as m0016 from './0016-projects'
import * as m0017 from './0017-appeal-numbers'
import * as m0018 from './0018-bulletin-sections'
import * as m0019 from './0019-inspections'
import * as m0022 from './0022-five-ones'
import * as m0023 from './0023-policy-claims'
import * as m0024 from './0024-project-reviews'
import * as m0025 from './0025-indicator-figures'
import * as m0026 from './0026-inbox-counts'
import * as m0027 from './0027-appeal-daily-counts'
import * as m0028 from './0028-policy-bigrams'
import * as m0029 from './0029-owner-list'
import * as m0030 from './0030-policy-search-page'
import * as m0031 from './0031-appeal-due-hours'
import * as m0032 from './0032-policy-search-rows'
import * as m0033 from './0033-kept-rebuilds'
import * as m0034 from './0034-policy-search-pieces'
import * as m0035 from './0035-appeal-inbox-counts'
import * as m0036 from './0036-office-queue'
import * as m0037 from './0037-stood-still'
import * as m0038 from './0038-finished-by-change'
import * as m0039 from './0039-fresh-by-month'
import * as m0040 from './0040-policy-search-published'
import * as m0041 from './0041-policy-search-version'
import * as m0042 from './0042-deadlines-ahead'
import * as m0043 from './0043-policy-search-tiers'
import * as m0044 from './0044-supervision-heap-only'

/**
 * Every migration, in order. Listed by import rather than read from a folder, so that the
 * bundled cloud function carries them. Never edit a migration that has shipped: add one.
 */
export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-appeals': m0002,
  '0003-casework': m0003,
  '0004-uploads': m0004,
  '0005-policy-reach': m0005,
  '0006-outbox': m0006,
  '0007-appeal-metrics': m0007,
  '0008-visits': m0008,
  '0009-exhibitions': m0009,
  '0010-leader-views': m0010,
  '0011-onboarding': m0011,
  '0012-appeal-standard': m0012,
  '0013-hardening': m0013,
  '0014-policy-search': m0014,
  '0015-help-ledger': m0015,
  '0016-projects': m0016,
  '0017-appeal-numbers': m0017,
  '0018-bulletin-sections': m0018,
  '0019-inspections': m0019,
  '0022-five-ones': m0022,
  '0023-policy-claims': m0023,
  '0024-project-reviews': m0024,
  '0025-indicator-figures': m0025,
  '0026-inbox-counts': m0026,
  '0027-appeal-daily-counts': m0027,
  '0028-policy-bigrams': m0028,
  '0029-owner-list': m0029,
  '0030-policy-search-page': m0030,
  '0031-appeal-due-hours': m0031,
  '0032-policy-search-rows': m0032,
  '0033-kept-rebuilds': m0033,
  '0034-policy-search-pieces': m0034,
  '0035-appeal-inbox-counts': m0035,
  '0036-office-queue': m0036,
  '0037-stood-still': m0037,
  '0038-finished-by-change': m0038,
  '0039-fresh-by-month': m0039,
  '0040-policy-search-published': m0040,
  '0041-policy-search-version': m0041,
  '0042-deadlines-ahead': m0042,
  '0043-policy-search-tiers': m0043,
  '0044-supervision-heap-only': m0044,
}
