/**
 * A one-field form opened in place (a note, a reason): focused when it opens, Escape or
 * "Batal" cancels without closing the surrounding panel, Enter / "Simpan" submits.
 */
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { type Language, t } from '../../utils/i18n';

/** The engine's limit on note text. */
const MAX_TEXT = 4000;

export function InlineForm({
  lang,
  label,
  required,
  multiline = false,
  testId,
  onSubmit,
  onCancel,
}: {
  lang: Language;
  label: string;
  /** An empty text is refused (a note) rather than sent as nothing (an optional reason). */
  required: boolean;
  multiline?: boolean;
  testId: string;
  /** Trimmed text; empty only when not required. */
  onSubmit: (text: string) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  // Focused as the form is put in the page, not after the next frame: keys typed right after
  // opening it (a fast typist, a test) would otherwise go to the button that opened it.
  useLayoutEffect(() => field.current?.focus(), []);
  const trimmed = text.trim();
  const props = {
    id,
    ref: field,
    class: 'pi-input',
    value: text,
    maxLength: MAX_TEXT,
    required,
    onInput: (e: Event) => setText((e.currentTarget as HTMLInputElement).value),
  };
  return (
    <form
      class="pi-inline-form"
      data-testid={testId}
      onSubmit={(e) => {
        e.preventDefault();
        if (required && !trimmed) return;
        onSubmit(trimmed);
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        // Close this form, not the whole panel.
        e.stopPropagation();
        onCancel();
      }}
    >
      <label class="pi-form-label" for={id}>
        {label}
      </label>
      {multiline ? <textarea rows={3} {...props} /> : <input type="text" {...props} />}
      <span class="pi-form-actions">
        <button type="submit" class="pi-button pi-primary" disabled={required && !trimmed}>
          {t(lang, 'case.save')}
        </button>
        <button type="button" class="pi-button" onClick={onCancel}>
          {t(lang, 'case.cancel')}
        </button>
      </span>
    </form>
  );
}
