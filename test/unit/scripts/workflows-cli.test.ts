import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOG, CATALOG_FILES } from '../../../machines';
import { type CliIo, run } from '../../../scripts/lib/workflows-cli';

const dir = mkdtempSync(join(tmpdir(), 'pandu-workflows-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a temporary file and returns its path. */
function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/** Runs the CLI with stdout/stderr in memory; files are read from disk. */
async function cli(argv: string[], now?: Date | (() => Date)) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    readFile: (path) => readFileSync(path, 'utf8'),
    ...(now ? { now: typeof now === 'function' ? now : () => now } : {}),
  };
  const code = await run(argv, io);
  const stdout = out.join('\n');
  return { code, stdout, stderr: err.join('\n'), json: () => JSON.parse(stdout) };
}

describe('unexpected failures', () => {
  it('exit 1 with the reason on stderr, and still JSON on stdout under --json', async () => {
    const r = await cli(['assess', 'pbg', '--region', '31', '--json'], () => {
      throw new Error('jam sistem rusak');
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('jam sistem rusak');
    expect(r.json()).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(r.json().error.message.en).toContain('Internal error: jam sistem rusak');
  });
});

describe('help and argument errors', () => {
  it('prints the usage for help, --help and -h with exit code 0', async () => {
    for (const argv of [['help'], ['--help'], ['simulate', '-h'], ['help', '--lang', 'en']]) {
      const r = await cli(argv);
      expect(r.code, argv.join(' ')).toBe(0);
      expect(r.stdout).toMatch(
        argv.includes('en') ? /Usage: npm run workflows/ : /Pemakaian: npm run workflows/,
      );
    }
  });

  it('asks for a command with exit code 2 when none is given', async () => {
    const r = await cli([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'Perintah belum diberikan. Jalankan `npm run workflows -- help` untuk daftar perintah.',
    );
  });

  it.each([
    [['frob'], /Perintah "frob" tidak dikenal/],
    [['list', '--region', '31'], /Opsi "--region" tidak dikenal untuk list/],
    [['assess', 'pbg', '--region'], /Opsi --region perlu nilai/],
    [['list', '--json=yes'], /tidak menerima nilai/],
    [['list', '--lang', 'fr'], /Bahasa "fr" tidak dikenal/],
    [['show', 'pbg', 'slf'], /Argumen berlebih "slf"/],
    [['list', '--json', '--json'], /lebih dari sekali/],
  ])('refuses %j with one line on stderr and exit code 2', async (argv, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+/);
  });

  it('speaks English with --lang en, even about a bad argument', async () => {
    const r = await cli(['assess', 'pbg', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('assess needs --region <code>; use a two-digit BPS code such as 31.');
  });

  it('names the known workflows when the id is unknown, also in --json', async () => {
    const r = await cli(['show', 'sip', '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Alur kerja "sip" tidak dikenal. Id yang ada: pbg, slf,');
    expect(r.json()).toMatchObject({
      ok: false,
      error: { code: 'unknown-workflow', known: CATALOG.map((d) => d.id) },
    });
  });
});

describe('list and regions', () => {
  it('lists the 8 workflows with names and stage and step counts', async () => {
    const r = await cli(['list', '--json']);
    expect(r.code).toBe(0);
    const { workflows } = r.json();
    expect(workflows).toHaveLength(8);
    expect(workflows.map((w: { id: string }) => w.id)).toEqual(CATALOG.map((d) => d.id));
    expect(workflows[0]).toEqual({
      id: 'pbg',
      version: 1,
      name: { id: 'Persetujuan Bangunan Gedung (PBG)', en: 'Building Approval (PBG)' },
      stages: 9,
      steps: 12,
    });
    const text = await cli(['list']);
    expect(text.stdout.split('\n')).toHaveLength(10);
    expect(text.stdout).toMatch(/^pbg\s+Persetujuan Bangunan Gedung \(PBG\)\s+9\s+12$/m);
  });

  it('lists the 38 provinces with connectivity, 3T count and WFA start', async () => {
    const r = await cli(['regions', '--json']);
    const { regions } = r.json();
    expect(regions).toHaveLength(38);
    expect(regions.find((x: { code: string }) => x.code === '97')).toMatchObject({
      name: { id: 'Papua Pegunungan' },
      connectivity: 'limited',
      daerahTertinggal: 8,
      wfaStart: '2027-01-04',
    });
    const text = await cli(['regions', '--lang', 'en']);
    expect(text.stdout).toMatch(/^97\s+Highland Papua\s+limited\s+8\s+2027-01-04$/m);
  });
});

describe('show', () => {
  it('shows stages and steps with role, SLA, region-free mode and checklist markers', async () => {
    const r = await cli(['show', 'sip-nakes']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Tahap 3/5: Verifikasi dan Rekomendasi Dinas Kesehatan');
    expect(r.stdout).toMatch(
      /3\.2 Cek Lapangan Ruang dan Peralatan Praktik \(jika praktik mandiri\)\n\s+LAPANGAN · tim teknis/,
    );
    expect(r.stdout).toMatch(/\[wajib\]\s+NPWP \(jika praktik mandiri\)/);
    expect(r.stdout).toMatch(/\[opsional\]\s+Persetujuan atasan langsung/);
    const { workflow } = (await cli(['show', 'sip-nakes', '--json'])).json();
    const site = workflow.stages[2].steps[1];
    expect(site).toMatchObject({
      id: 'sip-practice-site-check',
      mode: 'field',
      condition: 'independentPractice = true',
    });
  });
});

describe('validate', () => {
  it('accepts the shipped catalog', async () => {
    const r = await cli(['validate']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Katalog bawaan sah: 8 alur kerja');
  });

  it('accepts a valid definition file', async () => {
    const r = await cli(['validate', file('slf.json', CATALOG_FILES['slf.json'])]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('definisi sah — slf v1, 5 tahap, 6 langkah');
  });

  it('prints every error of a broken definition as path: problem — fix, Indonesian then English', async () => {
    // Tuple types name the parts we break, without non-null assertions.
    const broken = structuredClone(CATALOG_FILES['pbg.json']) as {
      version: number;
      stages: [{ steps: [Record<string, unknown>] }, { id: string }];
    };
    broken.version = 0;
    broken.stages[1].id = 'Bad Stage';
    delete broken.stages[0].steps[0].role;
    const path = file('broken.json', broken);
    const r = await cli(['validate', path]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('version: Versi harus 1 atau lebih. — Mulai dari 1');
    expect(r.stdout).toContain('  version: The version must be 1 or more. — Start at 1');
    expect(r.stdout).toContain('stages[1].id: Id "Bad Stage" tidak berformat camelCase.');
    expect(r.stdout).toContain('stages[0].steps[0].role: Kolom wajib "role" tidak ada.');
    expect(r.stderr).toBe(`${path}: definisi tidak sah (3 kesalahan; rinciannya di atas).`);

    const en = await cli(['validate', path, '--lang', 'en']);
    expect(en.stdout).not.toContain('Versi harus');
    expect(en.stdout).toMatch(
      /^stages\[1\]\.id: Id "Bad Stage" is not camelCase\. — Write it like "technicalReview"\.$/m,
    );

    const json = (await cli(['validate', path, '--json'])).json();
    expect(json.ok).toBe(false);
    expect(json.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'stages[0].steps[0].role',
      'stages[1].id',
      'version',
    ]);
  });

  it('names the file and the parse error for bad JSON, and a missing file', async () => {
    const bad = file('bad.json', '{ "id": ');
    const r = await cli(['validate', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^Berkas "${bad}" bukan JSON yang sah: .+`));
    const missing = await cli(['validate', join(dir, 'nope.json'), '--lang', 'en']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`File "${join(dir, 'nope.json')}" not found.`);
  });
});

describe('assess', () => {
  it('gives a step a different mode in Jakarta (31) than in Papua Pegunungan (97)', async () => {
    const modes = async (region: string) => {
      const r = await cli(['assess', 'sip-nakes', '--region', region, '--date', '2027-01-15', '--json']);
      expect(r.code).toBe(0);
      const doc = r.json();
      expect(doc).toMatchObject({ date: '2027-01-15', dateSource: 'option', region: { code: region } });
      return new Map<string, string>(doc.steps.map((s: { id: string; mode: string }) => [s.id, s.mode]));
    };
    const jakarta = await modes('31');
    const papua = await modes('97');
    const differing = [...jakarta.keys()].filter((id) => jakarta.get(id) !== papua.get(id));
    expect(differing).toContain('sip-verify-files');
    expect(jakarta.get('sip-verify-files')).toBe('remote');
    expect(papua.get('sip-verify-files')).toBe('office');
  });

  it('prints every step with its mode and reasons', async () => {
    const r = await cli(['assess', 'pbg', '--region', '97', '--date', '2027-01-15']);
    expect(r.stdout).toContain('Wilayah: 97 Papua Pegunungan · konektivitas terbatas · 3T: 8 kab.');
    expect(r.stdout).toContain('Ringkasan: lapangan 1 · kantor 9 · jarak jauh 2.');
    expect(r.stdout).toMatch(
      /LAPANGAN {3}Penilikan pelaksanaan konstruksi oleh penilik — oleh tim teknis\n\s+↳ Perlu hadir di lokasi/,
    );
  });

  it("defaults to today in the region's own time zone", async () => {
    // 20:00 UTC on 31 December is already 1 January in Papua (UTC+9).
    const r = await cli(['assess', 'pbg', '--region', '97', '--json'], new Date('2026-12-31T20:00:00Z'));
    expect(r.json()).toMatchObject({ date: '2027-01-01', dateSource: 'today' });
  });

  it.each([
    [
      ['--region', '99', '--date', '2027-01-15'],
      'Wilayah "99" tidak dikenal; pakai kode BPS dua digit seperti 31',
    ],
    [['--region', '31', '--date', '2027-02-30'], 'Tanggal "2027-02-30" tidak sah'],
    [['--date', '2027-01-15'], 'assess perlu --region <kode>'],
  ])('refuses %j with exit code 2', async (options, message) => {
    const r = await cli(['assess', 'pbg', ...options]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe('simulate', () => {
  it.each(CATALOG.map((d) => d.id))(
    'drives %s along the happy path to issuance and, where there is follow-up, to closure',
    async (id) => {
      const r = await cli(['simulate', id, '--region', '31', '--json']);
      expect(r.code).toBe(0);
      const doc = r.json();
      const followUp = CATALOG.find((d) => d.id === id)?.stages.some((s) => s.afterIssuance);
      expect(doc.view.status).toBe(followUp ? 'closed' : 'issued');
      expect(doc.view.decision.kind).toBe('issued');
      expect(doc.events.rejected).toEqual([]);
      expect(doc.chain).toMatchObject({ length: doc.events.accepted, verified: true });
      expect(doc.chain.head).toMatch(/^[0-9a-f]{64}$/);
      expect(doc.log.at(-1).body.type).toBe(followUp ? 'case.close' : 'case.approve');
    },
  );

  it('prints the happy path as an officer reads it', async () => {
    const r = await cli(['simulate', 'pbg', '--region', '31']);
    expect(r.stdout).toContain('Berkas diterima: 2026-11-02T08:00:00+07:00');
    expect(r.stdout).toMatch(/stage\.advance\s+→ Pemeriksaan Kelengkapan Berkas\s+#2 [0-9a-f]{12}/);
    expect(r.stdout).toMatch(/Rantai hash: 40 entri, terverifikasi: ya\. Kepala: [0-9a-f]{64}/);
    expect(r.stdout).toContain('Status: IZIN TERBIT pada 2026-11-02T08:37:00+07:00');
    expect(r.stdout).toContain('Kasus ditutup pada 2026-11-02T08:40:00+07:00');
  });

  it('prints a premature stage.advance as rejected, with its index, type, reason and details', async () => {
    const events = file('events.json', [
      { type: 'stage.advance' },
      { type: 'step.complete', stepId: 'sip-register-application' },
      { type: 'stage.advance' },
      { type: 'checklist.tick', itemId: 'sip-application-letter', at: '2026-11-02T09:30:00+07:00' },
      { type: 'note.add', text: 'STR diminta ulang' },
    ]);
    const r = await cli(['simulate', 'sip-nakes', '--region', '31', '--events', events]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Peristiwa: 4 diterima, 1 ditolak (dari 5).');
    expect(r.stdout).toMatch(
      /\[0\]\s+✗\s+2026-11-02 08:01\s+stage\.advance\s+Tahap belum bisa dilanjutkan: masih ada pekerjaan yang belum selesai\.\n\s+- Langkah belum selesai: Pendaftaran dan Unggah Berkas Daring/,
    );
    expect(r.stdout).toContain('Tahap 2/5: Verifikasi Berkas');

    const doc = (await cli(['simulate', 'sip-nakes', '--region', '31', '--events', events, '--json'])).json();
    expect(doc.events.rejected).toHaveLength(1);
    expect(doc.events.rejected[0]).toMatchObject({
      index: 0,
      type: 'stage.advance',
      rejection: { code: 'stage-incomplete' },
    });
    // Missing times are filled a minute apart after receivedAt; a given time moves the clock.
    expect(doc.log.map((e: { body: { at: string } }) => e.body.at)).toEqual([
      '2026-11-02T08:02:00+07:00',
      '2026-11-02T08:03:00+07:00',
      '2026-11-02T09:30:00+07:00',
      '2026-11-02T09:31:00+07:00',
    ]);
    expect(doc.now).toBe('2026-11-02T09:31:00+07:00');
    expect(doc.view).toMatchObject({ status: 'in-progress', stage: { id: 'fileVerification' } });
  });

  it('refuses a file of malformed events before running any, naming each one', async () => {
    const events = file('malformed.json', [{ type: 'stage.advanc' }, { type: 'checklist.tick' }, 5]);
    const r = await cli(['simulate', 'pbg', '--region', '31', '--events', events]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`Berkas "${events}": 3 peristiwa tidak sah; tidak ada yang dijalankan.`);
    expect(r.stderr).toContain(
      '[0] stage.advanc: jenis peristiwa "stage.advanc" tidak dikenal; maksudnya "stage.advance"?',
    );
    expect(r.stderr).toContain('[1] checklist.tick: Peristiwa tidak sah (itemId)');
    expect(r.stderr).toContain('[2] ?: setiap peristiwa harus objek JSON');
  });

  it.each([
    [['--events', 'OBJECT'], 'harus berisi larik JSON peristiwa'],
    [['--received', '2026-11-02'], 'Waktu --received "2026-11-02" tidak sah'],
    [['--events', 'MISSING'], 'tidak ditemukan'],
  ])('refuses bad input %j with exit code 2', async (options, message) => {
    const paths: Record<string, string> = {
      OBJECT: file('object.json', { type: 'stage.advance' }),
      MISSING: join(dir, 'missing.json'),
    };
    const r = await cli(['simulate', 'pbg', '--region', '31', ...options.map((o) => paths[o] ?? o)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe('export-bpmn', () => {
  it('prints BPMN XML, region-free or for a region on a date', async () => {
    const plain = await cli(['export-bpmn', 'slf']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<definitions /);
    const json = (
      await cli(['export-bpmn', 'slf', '--region', '97', '--date', '2027-01-15', '--json'])
    ).json();
    expect(json).toMatchObject({ ok: true, workflow: 'slf', region: '97', date: '2027-01-15' });
    expect(json.xml).toContain('<definitions ');
  });

  it('needs a date with a region (no clock is read)', async () => {
    const r = await cli(['export-bpmn', 'slf', '--region', '97']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('perlu --date');
  });
});

describe('the entry script', () => {
  it('runs end to end in a real process', () => {
    const root = new URL('../../../', import.meta.url).pathname;
    const stdout = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/workflows.ts', 'list', '--json'],
      {
        cwd: root,
        encoding: 'utf8',
        timeout: 15_000,
      },
    );
    expect(JSON.parse(stdout).workflows).toHaveLength(8);
  });
});
