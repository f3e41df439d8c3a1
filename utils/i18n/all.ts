/**
 * Every catalog by name, for the tests that check keys and placeholders agree across
 * languages. Views import their own catalog, never this file.
 */
import * as activityMap from './activity-map';
import * as badges from './badges';
import type { Catalog } from './core';
import * as dashboard from './dashboard';
import * as field from './field';
import * as messages from './messages';
import * as options from './options';
import * as signing from './signing';
import * as team from './team';
import * as verify from './verify';
import * as workspace from './workspace';

export const ALL_CATALOGS: Record<string, Catalog<string>> = {
  activityMap,
  badges,
  dashboard,
  field,
  messages,
  options,
  signing,
  team,
  verify,
  workspace,
};
