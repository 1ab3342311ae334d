/**
 * The part of pdfmake 0.3's server API the reports use (the package ships no types for
 * 0.3; @types/pdfmake describes 0.2). Document definitions stay loosely typed, as in
 * pdfmake's own documentation.
 */
declare module 'pdfmake' {
  type Content = unknown;
  interface OutputDocument {
    getBuffer(): Promise<Buffer>;
  }
  interface PdfMake {
    setFonts(fonts: Record<string, Record<string, string | [string, string]>>): void;
    setUrlAccessPolicy(policy: (url: string) => boolean): void;
    setLocalAccessPolicy(policy: (path: string) => boolean): void;
    createPdf(
      definition: Record<string, Content>,
      options?: Record<string, unknown>,
    ): OutputDocument;
  }
  const pdfmake: PdfMake;
  export = pdfmake;
}
