import { describe, expect, it } from 'vitest';
import { bilingual, otherLanguage, pick, t } from '../../../utils/i18n';
import { ALL_CATALOGS } from '../../../utils/i18n/all';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  it.each(Object.entries(ALL_CATALOGS))(
    '%s: the same keys in both languages, none empty',
    (_name, { id, en }) => {
      expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
      for (const [key, value] of [...Object.entries(id), ...Object.entries(en)]) {
        expect(value.trim(), key).not.toBe('');
      }
    },
  );

  it.each(Object.entries(ALL_CATALOGS))(
    '%s: the same placeholders in both languages',
    (_name, { id, en }) => {
      for (const key of Object.keys(id)) {
        expect(placeholders(en[key] ?? ''), key).toEqual(placeholders(id[key] ?? ''));
      }
    },
  );
});

describe('t', () => {
  it('fills placeholders and switches language at runtime', () => {
    expect(t('id', 'panel.missing', { fields: 'jenis izin' })).toBe(
      'Tidak terbaca di halaman ini: jenis izin',
    );
    expect(t('en', 'panel.missing', { fields: 'permit type' })).toBe(
      'Could not read on this page: permit type',
    );
  });

  it('leaves an unknown placeholder visible instead of inventing text', () => {
    expect(t('en', 'panel.missing')).toBe('Could not read on this page: {fields}');
  });

  it('offers the helpers views use', () => {
    expect(otherLanguage('id')).toBe('en');
    expect(otherLanguage('en')).toBe('id');
    expect(pick('en', { id: 'Ya', en: 'Yes' })).toBe('Yes');
    expect(bilingual('error.unknownType', { type: 'x' })).toEqual({
      id: 'Jenis pesan tidak dikenal: x',
      en: 'Unknown message type: x',
    });
  });
});
