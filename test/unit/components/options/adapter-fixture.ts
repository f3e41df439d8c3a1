/** A small valid imported adapter (and ways to break it) for the options page's tests. */
export const VALID_ADAPTER = {
  format: 'pandu-izin/adapter@1',
  id: 'perizinan-kota-uji',
  name: 'Perizinan Kota Uji',
  source: 'Unit test fixture',
  matches: ['https://perizinan.kotauji.go.id/*'],
  pages: {
    caseDetail: {
      path: '^/berkas/[^/]+$',
      fields: { caseRef: { labels: ['Nomor Berkas'] }, permit: { labels: ['Layanan'] } },
    },
  },
  permits: [{ how: 'contains', text: 'reklame', permitType: 'izin-reklame' }],
};

export const validText = (patch: Record<string, unknown> = {}) =>
  JSON.stringify({ ...VALID_ADAPTER, ...patch }, null, 2);

/** Wrong fields: a permit type the catalog lacks and a path that is not a regular expression. */
export const wrongFieldsText = () =>
  JSON.stringify({
    ...VALID_ADAPTER,
    permits: [{ how: 'contains', text: 'reklame', permitType: 'izin-terbang' }],
    pages: { caseDetail: { ...VALID_ADAPTER.pages.caseDetail, path: '^/berkas/([^/]+$' } },
  });
