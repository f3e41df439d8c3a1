/**
 * Rendering Preact pages in component tests (happy-dom): one host element per test, queries by
 * `data-testid`, and waiting for what the database or the background answers later.
 */
import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';

export interface Mounted {
  host: HTMLElement;
  byTestId(id: string): HTMLElement | null;
  allByTestId(id: string): HTMLElement[];
  /** The text of the first element with that test id ('' when there is none). */
  text(id: string): string;
  /** Renders again (e.g. with other props) into the same host. */
  rerender(ui: ComponentChild): Promise<void>;
  unmount(): Promise<void>;
}

export async function mount(ui: ComponentChild): Promise<Mounted> {
  const host = document.createElement('div');
  document.body.append(host);
  await act(() => {
    render(ui, host);
  });
  const byTestId = (id: string) => host.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  return {
    host,
    byTestId,
    allByTestId: (id) => [...host.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)],
    text: (id) => byTestId(id)?.textContent ?? '',
    rerender: async (next) => {
      await act(() => {
        render(next, host);
      });
    },
    unmount: async () => {
      await act(() => {
        render(null, host);
      });
      host.remove();
    },
  };
}

/** Polls `check` (letting effects and timers run) until it holds; fails naming `what`. */
export async function until(check: () => unknown, what = 'condition', tries = 400): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (check()) return;
    await act(() => new Promise((r) => setTimeout(r, 5)));
  }
  throw new Error(`timed out waiting for ${what}`);
}
