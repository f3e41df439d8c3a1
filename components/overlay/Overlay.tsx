/**
 * The overlay on a portal case page. Placeholder wiring around CasePanel while the [Overlay]
 * panel is built (launcher, dock, timeline, modes, checklist, suggestions).
 */
import type { Intent } from '../../utils/db/cases';
import type { Prefs } from '../../utils/messaging/protocol';
import type { PanelState } from '../../utils/overlay/case-controller';
import { CasePanel } from '../CasePanel';

export interface OverlayProps extends PanelState {
  prefs: Prefs;
  onIntent: (intent: Intent) => void;
  onPrefs: (patch: Partial<Prefs>) => void;
}

export function Overlay({ view, error, busy, prefs, onIntent }: OverlayProps) {
  return (
    <CasePanel view={view} error={error} busy={busy} onIntent={onIntent} initialLanguage={prefs.language} />
  );
}
