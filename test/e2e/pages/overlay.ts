/**
 * Page object for the Pandu Izin overlay injected into a portal page (open shadow root): the
 * docked panel (`root`, open by default on a recognised case page) and the small launcher it
 * collapses to.
 */
import type { Locator, Page } from '@playwright/test';

export class OverlayPanel {
  /** The open panel (absent while collapsed). */
  readonly root: Locator;
  /** The small button at the docked edge while the panel is collapsed. */
  readonly launcher: Locator;
  readonly permit: Locator;
  readonly caseRef: Locator;
  readonly applicant: Locator;
  readonly languageToggle: Locator;
  readonly dockToggle: Locator;
  readonly collapse: Locator;
  readonly stage: Locator;
  readonly progress: Locator;
  readonly items: Locator;
  readonly error: Locator;
  readonly timeline: Locator;
  readonly stageItems: Locator;
  /** The timeline entry of the current stage (aria-current="step"). */
  readonly currentStage: Locator;
  readonly steps: Locator;
  readonly suggestions: Locator;
  readonly next: Locator;
  readonly sla: Locator;
  readonly portalStatus: Locator;
  readonly facts: Locator;
  readonly advance: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('pandu-panel');
    this.launcher = page.getByTestId('pandu-launcher');
    this.permit = this.root.getByTestId('pandu-permit');
    this.caseRef = this.root.getByTestId('pandu-case-ref');
    this.applicant = this.root.getByTestId('pandu-applicant');
    this.languageToggle = this.root.getByTestId('pandu-language');
    this.dockToggle = this.root.getByTestId('pandu-dock');
    this.collapse = this.root.getByTestId('pandu-collapse');
    this.stage = this.root.getByTestId('pandu-stage');
    this.progress = this.root.getByTestId('pandu-progress');
    this.items = this.root.getByTestId('pandu-item');
    this.error = this.root.getByTestId('pandu-error');
    this.timeline = this.root.getByTestId('pandu-timeline');
    this.stageItems = this.timeline.getByTestId('pandu-stage-item');
    this.currentStage = this.timeline.locator('[aria-current="step"]');
    this.steps = this.root.getByTestId('pandu-step');
    this.suggestions = this.root.getByTestId('pandu-suggestion');
    this.next = this.root.getByTestId('pandu-next');
    this.sla = this.root.getByTestId('pandu-sla');
    this.portalStatus = this.root.getByTestId('pandu-portal-status');
    this.facts = this.root.getByTestId('pandu-fact');
    this.advance = this.root.getByTestId('pandu-advance');
  }

  /** The shadow host element WXT creates for the panel. */
  host(): Locator {
    return this.page.locator('pandu-izin-panel');
  }

  /** The checklist row `index` of the current stage (its `data-status` is pending/ticked/missing). */
  item(index: number): Locator {
    return this.items.nth(index);
  }

  /** The checklist row of item `id`. */
  itemById(id: string): Locator {
    return this.root.locator(`[data-testid="pandu-item"][data-item="${id}"]`);
  }

  /** The checkbox of checklist row `index`. */
  checkbox(index: number): Locator {
    return this.item(index).getByRole('checkbox');
  }

  /** The mode badge of step `index` (its `data-mode` is remote/office/field). */
  stepMode(index: number): Locator {
    return this.steps.nth(index).getByTestId('pandu-mode');
  }

  /** The page's own root margin on one side, as the portal lays out beside the panel. */
  pageMargin(side: 'left' | 'right'): Promise<string> {
    return this.page.evaluate(
      (s) => getComputedStyle(document.documentElement)[s === 'left' ? 'marginLeft' : 'marginRight'],
      side,
    );
  }
}
