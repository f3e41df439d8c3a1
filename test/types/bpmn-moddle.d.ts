/**
 * Minimal types for bpmn-moddle 10, whose main entry ships none: only what the BPMN export
 * tests read. Elements are loose on purpose; tests narrow them to the shapes they check.
 */
declare module 'bpmn-moddle' {
  export interface ModdleElement {
    $type: string;
    id?: string;
    name?: string;
    [property: string]: unknown;
  }

  export interface ParseWarning {
    message: string;
    element?: unknown;
    property?: unknown;
    value?: unknown;
    error?: Error;
  }

  export interface ParseResult {
    rootElement: ModdleElement;
    elementsById: Record<string, ModdleElement>;
    references: unknown[];
    warnings: ParseWarning[];
  }

  /** Parses and writes BPMN 2.0 XML (named export in v10; there is no default export). */
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<ParseResult>;
  }
}
