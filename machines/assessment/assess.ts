/**
 * The assessment: step facts + a region's readiness + a date → work mode with reasons.
 *
 * Rules, applied in order; the first that decides sets the mode (all rules are deterministic,
 * no clock is read — the date is an input):
 *  1. `site-presence`   the step needs someone at the site                → field
 *  2. `original-docs`   original physical documents must be handled       → office
 *  3. `face-to-face`    an in-person meeting or counter contact is needed → office
 *  4. `not-officer`     the applicant or the system does it, online       → remote
 *  5. `wfa-roadmap`     the region's WFA roadmap has not started yet      → office
 *  6. `connectivity`    limited connectivity + online system or large uploads,
 *                       or moderate connectivity + large uploads          → office
 *  7. `remote-capable`  nothing above applies                             → remote
 * Rules 5–6 are what make the result asymmetric between regions (DOMAIN.md §2, §7). The
 * thresholds are our judgement, grounded in DOMAIN.md [S78]–[S85]; the region data (connectivity
 * class, 3T status, WFA start date) is overridable by policy.
 */
import type { Step } from '../definition/types';
import type { LocalizedText, WorkMode } from '../types';

/** The slice of a region profile the assessment reads (regions/ provides full profiles). */
export interface RegionReadiness {
  code: string;
  name: LocalizedText;
  connectivity: 'good' | 'moderate' | 'limited';
  connectivityReason?: LocalizedText;
  is3T: boolean;
  wfaStart: { date: string };
}

export type RuleId =
  | 'site-presence'
  | 'original-docs'
  | 'face-to-face'
  | 'not-officer'
  | 'wfa-roadmap'
  | 'connectivity'
  | 'remote-capable';

export interface Reason {
  rule: RuleId | 'advice';
  text: LocalizedText;
}

export interface Assessment {
  mode: WorkMode;
  /** The rule that decided the mode. */
  decidedBy: RuleId;
  /** Why, in order: the deciding reason first, then supporting notes. */
  reasons: Reason[];
}

/** One row of the rule table, for generated docs and the CLI. */
export const ASSESSMENT_RULES: readonly { rule: RuleId; mode: WorkMode; text: LocalizedText }[] = [
  {
    rule: 'site-presence',
    mode: 'field',
    text: { id: 'Langkah perlu kehadiran di lokasi.', en: 'The step needs presence on site.' },
  },
  {
    rule: 'original-docs',
    mode: 'office',
    text: { id: 'Dokumen fisik asli harus diperiksa.', en: 'Original paper documents must be handled.' },
  },
  {
    rule: 'face-to-face',
    mode: 'office',
    text: { id: 'Perlu tatap muka atau layanan loket.', en: 'Needs a face-to-face meeting or the counter.' },
  },
  {
    rule: 'not-officer',
    mode: 'remote',
    text: {
      id: 'Dikerjakan pemohon atau sistem secara daring.',
      en: 'Done online by the applicant or the system.',
    },
  },
  {
    rule: 'wfa-roadmap',
    mode: 'office',
    text: {
      id: 'Peta jalan WFA wilayah belum dimulai pada tanggal itu.',
      en: "The region's WFA roadmap has not started on that date.",
    },
  },
  {
    rule: 'connectivity',
    mode: 'office',
    text: {
      id: 'Konektivitas terbatas dan langkah butuh sistem daring, atau konektivitas sedang dan unggahan besar.',
      en: 'Limited connectivity with an online system, or moderate connectivity with large uploads.',
    },
  },
  {
    rule: 'remote-capable',
    mode: 'remote',
    text: { id: 'Dapat dikerjakan dari mana saja.', en: 'Can be done from anywhere.' },
  },
];

const CONNECTIVITY: Record<RegionReadiness['connectivity'], LocalizedText> = {
  good: { id: 'baik', en: 'good' },
  moderate: { id: 'sedang', en: 'moderate' },
  limited: { id: 'terbatas', en: 'limited' },
};

const decide = (mode: WorkMode, rule: RuleId, text: LocalizedText, extra: Reason[] = []): Assessment => ({
  mode,
  decidedBy: rule,
  reasons: [{ rule, text }, ...extra],
});

/**
 * Classifies one step for a region on a date (`YYYY-MM-DD`). Without a region, only the
 * step's own facts count (rules 5–6 are skipped) and the reasons say so.
 */
export function assessStep(
  step: Pick<Step, 'facts' | 'role'>,
  region: RegionReadiness | undefined,
  date: string,
): Assessment {
  const f = step.facts;
  if (f.sitePresence) {
    return decide('field', 'site-presence', {
      id: 'Perlu hadir di lokasi (survei, peninjauan atau pemeriksaan lapangan).',
      en: 'Needs someone on site (survey, site review or inspection).',
    });
  }
  if (f.originalDocuments) {
    return decide('office', 'original-docs', {
      id: 'Dokumen fisik asli harus diterima atau diperiksa di kantor.',
      en: 'Original paper documents must be received or checked at the office.',
    });
  }
  if (f.faceToFace) {
    return decide('office', 'face-to-face', {
      id: 'Perlu tatap muka (loket, klarifikasi atau sidang).',
      en: 'Needs a face-to-face contact (counter, clarification or hearing).',
    });
  }
  if (step.role === 'applicant' || step.role === 'system') {
    const who =
      step.role === 'applicant' ? { id: 'pemohon', en: 'the applicant' } : { id: 'sistem', en: 'the system' };
    return decide('remote', 'not-officer', {
      id: `Dikerjakan oleh ${who.id} secara daring; petugas cukup memantau.`,
      en: `Done online by ${who.en}; the officer only follows it.`,
    });
  }
  if (!region) {
    return decide(
      'remote',
      'remote-capable',
      {
        id: 'Sifat langkah memungkinkan kerja dari mana saja.',
        en: "The step's nature allows working from anywhere.",
      },
      [
        {
          rule: 'advice',
          text: {
            id: 'Tanpa profil wilayah: kesiapan wilayah belum dinilai.',
            en: "No region profile: the region's readiness was not weighed.",
          },
        },
      ],
    );
  }
  const where = region.name;
  if (date < region.wfaStart.date) {
    return decide('office', 'wfa-roadmap', {
      id: `Peta jalan WFA ${where.id} baru mulai ${region.wfaStart.date}; sampai itu dikerjakan di kantor.`,
      en: `The WFA roadmap for ${where.en} starts on ${region.wfaStart.date}; until then this is office work.`,
    });
  }
  const level = CONNECTIVITY[region.connectivity];
  const why: Reason[] = region.connectivityReason
    ? [{ rule: 'advice', text: region.connectivityReason }]
    : [];
  const needsLine = region.connectivity === 'limited' && (f.onlineSystem || f.largeUploads);
  const needsBandwidth = region.connectivity === 'moderate' && f.largeUploads;
  if (needsLine || needsBandwidth) {
    const need = f.largeUploads
      ? { id: 'mengunggah berkas besar', en: 'moves large files' }
      : { id: 'memerlukan sistem daring yang aktif', en: 'needs a live online system' };
    return decide(
      'office',
      'connectivity',
      {
        id: `Konektivitas ${where.id} ${level.id}, sedangkan langkah ini ${need.id}: kerjakan dari kantor.`,
        en: `Connectivity in ${where.en} is ${level.en} and this step ${need.en}: work from the office.`,
      },
      why,
    );
  }
  const advice: Reason[] = [];
  if (region.is3T) {
    advice.push({
      rule: 'advice',
      text: {
        id: `${where.id} memiliki daerah tertinggal: siapkan cadangan di kantor bila jaringan putus.`,
        en: `${where.en} has underdeveloped regencies: keep an office fallback if the network drops.`,
      },
    });
  }
  return decide(
    'remote',
    'remote-capable',
    {
      id: `Dapat dikerjakan dari mana saja; konektivitas ${where.id} ${level.id} dan peta jalan WFA sudah berjalan.`,
      en: `Can be done from anywhere; connectivity in ${where.en} is ${level.en} and the WFA roadmap has started.`,
    },
    advice,
  );
}

/** The distinct modes of a set of assessments, in the order field, office, remote. */
export function modesOf(assessments: readonly Assessment[]): WorkMode[] {
  const order: WorkMode[] = ['field', 'office', 'remote'];
  return order.filter((m) => assessments.some((a) => a.mode === m));
}
