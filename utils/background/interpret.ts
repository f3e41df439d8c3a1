/**
 * What a recognised portal page means: which catalog permit, which province, when the portal
 * received the file, and so whether a case can be opened for it. Runs in the background (the
 * content script only reports the page's text verbatim).
 */
import {
  findPermitType,
  type LocalizedText,
  type PermitTypeId,
  REGIONS,
  type RegionProfile,
} from '../../machines';
import type { CaseOpening } from '../db/schema';
import { BUILTIN_ADAPTERS } from '../portals/builtin';
import { parsePortalDate } from '../portals/dates';
import { mapPermit, normaliseLabel } from '../portals/recognise';
import type { PageField, PortalAdapter, RecognisedPage } from '../portals/types';

export interface PageMeaning {
  portal: { id: string; name: string };
  caseRef: string | null;
  permit: { id: PermitTypeId | null; label: string | null; name: LocalizedText | null };
  /** Fields the page did not show. */
  missing: PageField[];
  /** The case this page is about, when enough was read to open it. */
  opening: CaseOpening | null;
  /** Why no case can be kept for this page (null when `opening` is set). */
  notice: LocalizedText | null;
}

export interface InterpretOptions {
  adapters?: readonly PortalAdapter[];
  /** UTC ISO clock. */
  now: string;
  /** The officer's own province, used when the page does not name one. */
  fallbackRegion?: string;
}

// Names portals use that differ from ours (judgement: seen in common usage, extend as found).
const REGION_ALIASES: Record<string, string> = {
  'daerah khusus ibukota jakarta': '31',
  'daerah khusus jakarta': '31',
  jakarta: '31',
  'daerah istimewa yogyakarta': '34',
  yogyakarta: '34',
  'bangka belitung': '19',
};

const regionKey = (text: string) =>
  normaliseLabel(text)
    .replace(/^(provinsi|prov\.?)\s+/, '')
    .replace(/\./g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** The province a portal names, by our names (Indonesian or English) or a known alias. */
export function matchRegion(
  label: string,
  regions: readonly RegionProfile[] = REGIONS,
): RegionProfile | null {
  const key = regionKey(label);
  const byName = regions.find((r) => regionKey(r.name.id) === key || regionKey(r.name.en) === key);
  if (byName) return byName;
  const alias = REGION_ALIASES[key];
  return alias ? (regions.find((r) => r.code === alias) ?? null) : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * When the file was received: 08:00 local on the portal's date (the start of the working day;
 * portals print no time), never later than now.
 */
export function receivedAtFor(date: string, region: RegionProfile, now: string): string {
  const offset = region.utcOffsetHours;
  const sign = offset < 0 ? '-' : '+';
  const at = `${date}T08:00:00${sign}${pad(Math.abs(offset))}:00`;
  return Date.parse(at) > Date.parse(now) ? now : at;
}

const say = (id: string, en: string): LocalizedText => ({ id, en });

/** Interprets a recognised page. Throws only for an adapter id we never issued (a bug or a forged message). */
export function interpretPage(page: RecognisedPage, options: InterpretOptions): PageMeaning {
  const adapters = options.adapters ?? BUILTIN_ADAPTERS;
  const adapter = adapters.find((a) => a.id === page.adapterId);
  if (!adapter) throw new Error(`unknown adapter "${page.adapterId}"`);
  const permitId = page.permitLabel ? mapPermit(adapter, page.permitLabel) : null;
  const permitType = permitId ? findPermitType(permitId) : undefined;
  const base = {
    portal: { id: adapter.id, name: adapter.name },
    caseRef: page.caseRef,
    permit: { id: permitId, label: page.permitLabel, name: permitType?.name ?? null },
    missing: page.missing,
  };
  const refuse = (notice: LocalizedText): PageMeaning => ({ ...base, opening: null, notice });

  if (!page.caseRef) {
    return refuse(
      say(
        'Nomor perkara tidak terbaca, jadi kemajuan perkara ini belum dapat disimpan.',
        'The case number could not be read, so progress on this case cannot be saved yet.',
      ),
    );
  }
  if (!permitId) {
    return refuse(
      say(
        'Jenis izin ini belum ada di katalog Pandu Izin; panduan tahap belum tersedia.',
        'This permit type is not in the Pandu Izin catalog yet; stage guidance is not available.',
      ),
    );
  }
  const fromPage = page.regionLabel ? matchRegion(page.regionLabel) : null;
  const region = fromPage ?? REGIONS.find((r) => r.code === options.fallbackRegion) ?? null;
  if (!region) {
    const shown = page.regionLabel ? ` ("${page.regionLabel.slice(0, 80)}")` : '';
    return refuse(
      say(
        `Provinsi perkara tidak dikenali${shown}. Isi provinsi Anda di halaman Opsi agar perkara dapat disimpan.`,
        `The case's province was not recognised${shown}. Set your province on the Options page so the case can be saved.`,
      ),
    );
  }
  const date = page.receivedLabel ? parsePortalDate(page.receivedLabel) : null;
  const receivedAt = date ? receivedAtFor(date, region, options.now) : options.now;
  return {
    ...base,
    opening: {
      portal: adapter.id,
      caseRef: page.caseRef,
      permitId,
      region: region.code,
      receivedAt,
    },
    notice: null,
  };
}
