/** The part of pdfkit (which ships no types) the hall's notices use. */
declare module 'pdfkit' {
  interface TextOptions {
    align?: 'left' | 'center' | 'right' | 'justify';
    lineGap?: number;
    width?: number;
  }
  class PDFDocument {
    constructor(options?: {
      size?: string;
      margin?: number;
      info?: Record<string, string>;
      compress?: boolean;
    });
    on(event: 'data', listener: (chunk: Buffer) => void): this;
    on(event: 'end', listener: () => void): this;
    on(event: 'error', listener: (err: Error) => void): this;
    registerFont(name: string, src: Buffer | string, family?: string): this;
    font(name: string): this;
    fontSize(size: number): this;
    fillColor(color: string): this;
    text(text: string, options?: TextOptions): this;
    moveDown(lines?: number): this;
    end(): void;
  }
  export = PDFDocument;
}
