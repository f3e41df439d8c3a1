/**
 * Strings of the side panel, popup and dashboard (extension pages only: never bundled into
 * the content script). Indonesian first; `en` must have the same keys.
 */
import { translator } from './core';

export const id = {
  'workspace.title': 'Pandu Izin — Ruang kerja perkara',
} as const;

export type WorkspaceKey = keyof typeof id;

export const en: Record<WorkspaceKey, string> = {
  'workspace.title': 'Pandu Izin — Case workspace',
};

/** `t` for the side panel, popup and dashboard. */
export const tWorkspace = translator({ id, en });
