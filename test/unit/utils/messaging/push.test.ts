import { describe, expect, it } from 'vitest';
import { asCaseChanged, asPrefsChanged } from '../../../../utils/messaging/push';

const good = {
  type: 'case.changed',
  case: {
    id: 'oss-rba:I-1',
    seq: 3,
    view: { caseId: 'oss-rba:I-1', steps: [], stages: [], status: 'in-progress' },
  },
};

describe('asCaseChanged', () => {
  it('accepts the push the background sends', () => {
    expect(asCaseChanged(good)).toEqual(good);
  });

  it.each([
    ['another message type', { ...good, type: 'case.deleted' }],
    ['a negative sequence', { ...good, case: { ...good.case, seq: -1 } }],
    ['a view without steps', { ...good, case: { ...good.case, view: { caseId: 'x', stages: [] } } }],
    ['an extra member', { ...good, html: '<img onerror=alert(1)>' }],
    ['not an object', 'case.changed'],
    ['nothing', undefined],
  ])('ignores %s', (_name, message) => {
    expect(asCaseChanged(message)).toBeNull();
  });
});

describe('pushed preferences', () => {
  it('accept the policy’s locks, and nothing else beside language and dock', () => {
    const prefs = { language: 'en', dock: 'left' };
    expect(asPrefsChanged({ type: 'prefs.changed', prefs })).not.toBeNull();
    expect(
      asPrefsChanged({ type: 'prefs.changed', prefs: { ...prefs, locked: ['language'] } }),
    ).not.toBeNull();
    expect(asPrefsChanged({ type: 'prefs.changed', prefs: { ...prefs, locked: ['officer'] } })).toBeNull();
    expect(asPrefsChanged({ type: 'prefs.changed', prefs: { ...prefs, extra: 1 } })).toBeNull();
  });
});
