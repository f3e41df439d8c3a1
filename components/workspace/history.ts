/**
 * A case's event log in the officer's words: one sentence per entry (what), who made it and
 * when, in Indonesian or English. Item, step and fact names come from the case's workflow
 * definition, so entries about earlier stages read as well as current ones; an id the
 * definition does not know (an older workflow version) is shown as it is.
 *
 * Log text (notes, reasons, portal statuses) is data: the view renders it as text only.
 */
import type { CaseFactValue, LocalizedText, PermitDefinition } from '../../machines';
import type { EventRow } from '../../utils/db/schema';
import { type Language, pick, t } from '../../utils/i18n';
import { tWorkspace, type WorkspaceKey } from '../../utils/i18n/workspace';

export interface HistoryLine {
  /** The log entry's id (stable key). */
  id: string;
  seq: number;
  /** The entry's own time (ISO). */
  at: string;
  /** "oleh …" / "by …". */
  who: string;
  what: string;
}

export interface HistoryNames {
  /** The workflow the case follows (undefined: unknown here, ids are shown instead). */
  definition: PermitDefinition | undefined;
  /** A portal adapter's display name. */
  portalName: (adapterId: string) => string;
}

interface Names {
  item: Map<string, LocalizedText>;
  step: Map<string, LocalizedText>;
  fact: Map<string, LocalizedText>;
}

function namesOf(definition: PermitDefinition | undefined): Names {
  const names: Names = { item: new Map(), step: new Map(), fact: new Map() };
  if (!definition) return names;
  for (const stage of definition.stages) {
    for (const step of stage.steps) {
      names.step.set(step.id, step.name);
      for (const item of step.checklist) names.item.set(item.id, item.label);
    }
  }
  for (const fact of definition.facts) names.fact.set(fact.id, fact.label);
  return names;
}

const EVIDENCE_KEYS: Record<string, WorkspaceKey> = {
  sesuai: 'evidence.sesuai',
  'tidak-sesuai': 'evidence.tidak-sesuai',
  'perlu-tindak-lanjut': 'evidence.perlu-tindak-lanjut',
};

function factValue(lang: Language, value: CaseFactValue): string {
  if (value === true) return t(lang, 'case.yes');
  if (value === false) return t(lang, 'case.no');
  return String(value);
}

/** Who made an entry: the author stamped on the event, and the officer of the log entry if different. */
export function whoOf(lang: Language, row: Pick<EventRow, 'officer' | 'event'>): string {
  const by = row.event?.by?.trim() || null;
  const officer = row.officer?.trim() || null;
  if (by && officer && by !== officer) return tWorkspace(lang, 'history.byOfficer', { who: by, officer });
  const who = by ?? officer;
  return who ? tWorkspace(lang, 'history.by', { who }) : tWorkspace(lang, 'history.nobody');
}

/**
 * The sentences of a whole log, oldest first. The log is read in order because an untick
 * means different things after a tick ("unticked") and after "missing" ("undid missing").
 */
export function describeLog(
  lang: Language,
  entries: readonly EventRow[],
  names: HistoryNames,
): HistoryLine[] {
  const known = namesOf(names.definition);
  const itemStatus = new Map<string, 'ticked' | 'missing'>();
  const name = (map: Map<string, LocalizedText>, key: string) => {
    const found = map.get(key);
    return found ? pick(lang, found) : key;
  };
  const w = (key: WorkspaceKey, params?: Record<string, string | number>) => tWorkspace(lang, key, params);

  const sentence = (row: EventRow): string => {
    if (row.opened) {
      return w('event.opened', {
        caseRef: row.opened.caseRef,
        portal: names.portalName(row.opened.portal),
        permit: names.definition ? pick(lang, names.definition.name) : row.opened.permitId,
      });
    }
    const event = row.event;
    if (!event) return w('event.unknown', { type: '?' });
    switch (event.type) {
      case 'checklist.tick':
        itemStatus.set(event.itemId, 'ticked');
        return w('event.tick', { item: name(known.item, event.itemId) });
      case 'checklist.untick': {
        const before = itemStatus.get(event.itemId);
        itemStatus.delete(event.itemId);
        return w(before === 'missing' ? 'event.unmarkMissing' : 'event.untick', {
          item: name(known.item, event.itemId),
        });
      }
      case 'checklist.markMissing':
        itemStatus.set(event.itemId, 'missing');
        return event.note
          ? w('event.markMissingNote', { item: name(known.item, event.itemId), note: event.note })
          : w('event.markMissing', { item: name(known.item, event.itemId) });
      case 'note.add': {
        const target = event.itemId
          ? name(known.item, event.itemId)
          : event.stepId
            ? name(known.step, event.stepId)
            : null;
        return target
          ? w('event.noteOn', { target, text: event.text })
          : w('event.note', { text: event.text });
      }
      case 'evidence.attach': {
        const result = EVIDENCE_KEYS[event.evidence.result];
        return w('event.evidence', {
          step: name(known.step, event.stepId),
          photos: event.evidence.photos.length,
          result: result ? w(result) : event.evidence.result,
        });
      }
      case 'step.complete':
        return w('event.stepComplete', { step: name(known.step, event.stepId) });
      case 'stage.advance':
        return w('event.advance');
      case 'case.returnToApplicant':
        return w('event.return', { reason: event.reason });
      case 'applicant.resubmitted':
        return w('event.resubmitted');
      case 'case.reject':
        return w('event.reject', { reason: event.reason });
      case 'case.approve':
        return w('event.approve');
      case 'case.close':
        return w('event.close');
      case 'case.setFacts':
        return w('event.setFacts', {
          facts: Object.entries(event.facts)
            .map(([fact, value]) => `${name(known.fact, fact)}: ${factValue(lang, value)}`)
            .join('; '),
        });
      case 'portal.statusSeen':
        return w('event.statusSeen', { status: event.status });
      case 'signature.recorded':
        return w(event.certified ? 'event.signedCertified' : 'event.signedUncertified', {
          signer: event.signer,
          hash: event.fileSha256.slice(0, 12),
        });
      default:
        return w('event.unknown', { type: String((event as { type?: unknown }).type) });
    }
  };

  return entries.map((row) => ({
    id: row.id,
    seq: row.seq,
    at: row.at,
    who: whoOf(lang, row),
    what: sentence(row),
  }));
}

/** A log time in the officer's local time zone, e.g. "23 Nov 2026 09.05". */
export { formatTime } from '../case/format';
