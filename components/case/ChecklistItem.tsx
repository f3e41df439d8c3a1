/**
 * One checklist line: tick / untick, mark missing (with an optional note), add a note, and a
 * portal document suggested for it that the officer confirms or dismisses. Mandatory,
 * optional and conditional items are told apart in words.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { ItemView } from '../../machines';
import type { Intent } from '../../utils/db/cases';
import { type Language, pick, t } from '../../utils/i18n';
import { InlineForm } from './InlineForm';

export interface ItemContext {
  lang: Language;
  onIntent: (intent: Intent) => void;
  /** Changes whenever a new case state arrives: optimistic checkbox state is dropped then. */
  settled: unknown;
  busy: boolean;
  /** The condition text in the officer's words. */
  describe: (condition: string) => string;
}

export function ItemTags({ item, ctx, id }: { item: ItemView; ctx: ItemContext; id?: string }) {
  const { lang } = ctx;
  return (
    <span class="pi-tags" id={id}>
      <span class={item.mandatory ? 'pi-tag pi-tag-mandatory' : 'pi-tag'}>
        {t(lang, item.mandatory ? 'panel.mandatory' : 'case.optional')}
      </span>
      {item.condition ? (
        <span class="pi-tag pi-tag-conditional">
          {t(lang, 'case.conditional', { condition: ctx.describe(item.condition) })}
        </span>
      ) : null}
      {item.status === 'missing' ? (
        <span class="pi-tag pi-tag-missing">{t(lang, 'panel.itemMissing')}</span>
      ) : null}
    </span>
  );
}

export function ChecklistItem({
  item,
  stepId,
  ctx,
  suggestion,
  onDismiss,
}: {
  item: ItemView;
  stepId: string;
  ctx: ItemContext;
  /** A portal document that looks like this item (untrusted text). */
  suggestion?: string;
  onDismiss: (document: string) => void;
}) {
  const { lang, onIntent } = ctx;
  const inputId = useId();
  const tagsId = useId();
  const box = useRef<HTMLInputElement>(null);
  const missingButton = useRef<HTMLButtonElement>(null);
  const noteButton = useRef<HTMLButtonElement>(null);
  const [form, setForm] = useState<'missing' | 'note' | null>(null);
  const [noteSent, setNoteSent] = useState(false);
  const ticked = item.status === 'ticked';
  // The box shows the officer's click at once; the stored state takes over once the actions
  // are answered (and puts the box back if one was refused).
  const [wanted, setWanted] = useState<boolean | null>(null);
  useEffect(() => {
    if (!ctx.busy) setWanted(null);
  }, [ctx.settled, ctx.busy, ticked]);
  const shown = wanted ?? ticked;
  const label = pick(lang, item.label);

  const tick = (next: boolean) => {
    setWanted(next);
    onIntent({ type: next ? 'checklist.tick' : 'checklist.untick', itemId: item.id });
  };

  return (
    <li
      class={`pi-item pi-item-${item.status}`}
      data-testid="pandu-item"
      data-item={item.id}
      data-status={item.status}
      data-mandatory={String(item.mandatory)}
    >
      <div class="pi-item-main">
        <input
          ref={box}
          id={inputId}
          type="checkbox"
          checked={shown}
          aria-describedby={tagsId}
          onChange={() => tick(!shown)}
        />
        <label for={inputId}>{label}</label>
      </div>
      <ItemTags item={item} ctx={ctx} id={tagsId} />
      {item.note ? <p class="pi-item-note">{t(lang, 'case.itemNote', { note: item.note })}</p> : null}
      {suggestion && !shown ? (
        <div class="pi-suggestion" data-testid="pandu-suggestion" data-item={item.id}>
          <p class="pi-suggestion-text">{t(lang, 'case.suggestion', { document: suggestion })}</p>
          <span class="pi-suggestion-actions">
            <button
              type="button"
              class="pi-button pi-primary"
              data-testid="pandu-suggestion-confirm"
              aria-label={t(lang, 'case.suggestionConfirmLabel', { document: suggestion, item: label })}
              onClick={() => {
                tick(true);
                box.current?.focus();
              }}
            >
              {t(lang, 'case.suggestionConfirm')}
            </button>
            <button
              type="button"
              class="pi-button"
              data-testid="pandu-suggestion-dismiss"
              aria-label={t(lang, 'case.suggestionDismissLabel', { document: suggestion, item: label })}
              onClick={() => {
                onDismiss(suggestion);
                box.current?.focus();
              }}
            >
              {t(lang, 'case.suggestionDismiss')}
            </button>
          </span>
        </div>
      ) : null}
      <div class="pi-item-actions">
        {item.status === 'missing' ? (
          <button
            type="button"
            class="pi-link"
            data-testid="pandu-unmark-missing"
            aria-label={t(lang, 'case.unmarkMissingLabel', { item: label })}
            onClick={() => onIntent({ type: 'checklist.untick', itemId: item.id })}
          >
            {t(lang, 'case.unmarkMissing')}
          </button>
        ) : (
          <button
            ref={missingButton}
            type="button"
            class="pi-link"
            data-testid="pandu-mark-missing"
            aria-expanded={form === 'missing'}
            aria-label={t(lang, 'case.markMissingLabel', { item: label })}
            onClick={() => setForm(form === 'missing' ? null : 'missing')}
          >
            {t(lang, 'case.markMissing')}
          </button>
        )}
        <button
          ref={noteButton}
          type="button"
          class="pi-link"
          data-testid="pandu-note"
          aria-expanded={form === 'note'}
          aria-label={t(lang, 'case.addNoteLabel', { item: label })}
          onClick={() => {
            setNoteSent(false);
            setForm(form === 'note' ? null : 'note');
          }}
        >
          {t(lang, 'case.addNote')}
        </button>
        {noteSent ? (
          <span class="pi-sent" role="status">
            {t(lang, 'case.noteSent')}
          </span>
        ) : null}
      </div>
      {form === 'missing' ? (
        <InlineForm
          lang={lang}
          label={t(lang, 'case.missingNote', { item: label })}
          required={false}
          testId="pandu-missing-form"
          onSubmit={(note) => {
            onIntent(
              note
                ? { type: 'checklist.markMissing', itemId: item.id, note }
                : { type: 'checklist.markMissing', itemId: item.id },
            );
            setForm(null);
            box.current?.focus();
          }}
          onCancel={() => {
            setForm(null);
            missingButton.current?.focus();
          }}
        />
      ) : null}
      {form === 'note' ? (
        <InlineForm
          lang={lang}
          label={t(lang, 'case.noteText', { item: label })}
          required
          multiline
          testId="pandu-note-form"
          onSubmit={(text) => {
            onIntent({ type: 'note.add', text, itemId: item.id, stepId });
            setForm(null);
            setNoteSent(true);
            noteButton.current?.focus();
          }}
          onCancel={() => {
            setForm(null);
            noteButton.current?.focus();
          }}
        />
      ) : null}
    </li>
  );
}

/** An item the case's facts rule out: shown, with why, but nothing to do. */
export function InapplicableItem({ item, ctx }: { item: ItemView; ctx: ItemContext }) {
  return (
    <li class="pi-item pi-item-na" data-testid="pandu-item-na" data-item={item.id}>
      <span class="pi-item-label">{pick(ctx.lang, item.label)}</span>{' '}
      <span class="pi-tags">
        <span class="pi-tag">{t(ctx.lang, 'case.notApplicable')}</span>
        {item.condition ? (
          <span class="pi-tag pi-tag-conditional">
            {t(ctx.lang, 'case.conditional', { condition: ctx.describe(item.condition) })}
          </span>
        ) : null}
      </span>
    </li>
  );
}
