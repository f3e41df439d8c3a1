/**
 * The clock and the portal: the stage's service deadline (status in words plus working days
 * left or late and the due date) and the portal's own status, with a warning when the portal
 * and our record disagree.
 */
import type { CaseView, LocalizedText } from '../../machines';
import { type Language, pick, t } from '../../utils/i18n';
import type { PortalStatus } from '../../utils/messaging/protocol';
import { formatDate, SLA_KEYS } from './format';

export function SlaLine({ lang, sla }: { lang: Language; sla: CaseView['sla'] }) {
  const parts = [t(lang, SLA_KEYS[sla.status])];
  if (sla.dueDate !== null && sla.workingDaysLeft !== null) {
    const date = formatDate(lang, sla.dueDate);
    const days = sla.workingDaysLeft;
    parts.push(
      days > 0
        ? t(lang, 'sla.left', { days, date })
        : days === 0
          ? t(lang, 'sla.dueToday', { date })
          : t(lang, 'sla.late', { days: -days, date }),
    );
    if (sla.beyondKnownYears) parts.push(t(lang, 'sla.estimate'));
  }
  if (sla.status === 'waiting' && sla.waitingFor && sla.waitingFor.length > 0) {
    parts.push(t(lang, 'sla.waitingFor', { steps: sla.waitingFor.map((s) => pick(lang, s)).join(', ') }));
  }
  return (
    <p class={`pi-sla pi-sla-${sla.status}`} data-testid="pandu-sla" data-status={sla.status}>
      <span class="pi-label">{t(lang, 'case.sla')}:</span> {parts.join(' — ')}
    </p>
  );
}

export function PortalStatusLine({
  lang,
  status,
  inSync,
  adopted,
}: {
  lang: Language;
  status: PortalStatus | null | undefined;
  /** The engine's comparison of the last seen portal status with the case (undefined: never seen). */
  inSync: boolean | undefined;
  /** The stage the case was first recorded at, when the portal had done the ones before it. */
  adopted?: LocalizedText | undefined;
}) {
  const label = status?.label;
  if (!label && inSync !== false && !adopted) return null;
  return (
    <div class="pi-portal-status" data-testid="pandu-portal-status" data-in-sync={String(inSync !== false)}>
      {label ? <p>{t(lang, 'case.portalStatus', { label })}</p> : null}
      {adopted ? (
        <p class="pi-muted" data-testid="pandu-adopted">
          {t(lang, 'case.adopted', { stage: pick(lang, adopted) })}
        </p>
      ) : null}
      {inSync === false ? (
        <p class="pi-warning" data-testid="pandu-portal-differs">
          <span aria-hidden="true">⚠ </span>
          {t(lang, 'case.portalDiffers')}
        </p>
      ) : null}
    </div>
  );
}
