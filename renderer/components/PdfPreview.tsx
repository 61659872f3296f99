/**
 * The print preview: the PDF the API rendered, drawn page by page onto canvases with pdf.js
 * (loaded only when a preview is asked for). No PDF plugin is needed, so the main window keeps
 * plugins off, and the preview looks the same in the app and in the E2E browser. pdf.js runs in
 * a bundled worker (same origin, allowed by `script-src 'self'`); glyphs are drawn as paths
 * (`disableFontFace`), so no font loading has to pass the CSP.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as PdfJsModule from 'pdfjs-dist';
import type { PDFDocumentLoadingTask, PDFDocumentProxy } from 'pdfjs-dist';

/** Enough to check a document; printing and saving always include every page. */
const MAX_PREVIEW_PAGES = 12;
const SCALE = 1.5;

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | null = null;

function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= Promise.all([
    import('pdfjs-dist'),
    import('pdfjs-dist/build/pdf.worker.min.mjs?worker'),
  ]).then(([library, worker]) => {
    library.GlobalWorkerOptions.workerPort = new worker.default();
    return library;
  });
  return pdfjs;
}

export function PdfPreview({ pdf }: { readonly pdf: Uint8Array }) {
  const { t } = useTranslation();
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let task: PDFDocumentLoadingTask | null = null;
    let cancelled = false;
    setDoc(null);
    setFailed(false);
    loadPdfJs()
      .then((library) => {
        if (cancelled) return null;
        // pdf.js takes ownership of the bytes it is given: hand it a copy.
        task = library.getDocument({ data: pdf.slice(), disableFontFace: true });
        return task.promise;
      })
      .then((loaded) => {
        if (loaded && !cancelled) setDoc(loaded);
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
      // Destroying the loading task frees the document in the worker.
      void task?.destroy();
    };
  }, [pdf]);

  if (failed) return <p className="notice notice-warn">{t('print.previewFailed')}</p>;
  if (!doc) return null;
  const shown = Math.min(doc.numPages, MAX_PREVIEW_PAGES);
  return (
    // Focusable, so the pages scroll with the keyboard too.
    <section
      className="pdf-preview"
      data-testid="pdf-preview"
      aria-label={t('print.previewTitle')}
      tabIndex={0}
    >
      {shown < doc.numPages && (
        <p className="notice notice-info">
          {t('print.previewTruncated', { shown, count: doc.numPages })}
        </p>
      )}
      {Array.from({ length: shown }, (_, index) => (
        <PdfPage key={index} doc={doc} pageNumber={index + 1} />
      ))}
    </section>
  );
}

function PdfPage({
  doc,
  pageNumber,
}: {
  readonly doc: PDFDocumentProxy;
  readonly pageNumber: number;
}) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);

  useEffect(() => {
    let cancelled = false;
    let task: { cancel(): void } | null = null;
    void doc.getPage(pageNumber).then((page) => {
      if (cancelled || !canvas.current) return;
      const viewport = page.getViewport({ scale: SCALE });
      canvas.current.width = Math.ceil(viewport.width);
      canvas.current.height = Math.ceil(viewport.height);
      setSize({ width: viewport.width, height: viewport.height });
      const render = page.render({ canvas: canvas.current, viewport });
      task = render;
      render.promise.catch(() => {
        // Cancelled by a newer preview or by leaving the screen: nothing to show.
      });
    });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, pageNumber]);

  return (
    <canvas
      ref={canvas}
      className="pdf-page"
      role="img"
      data-rendered={size !== null}
      aria-label={t('print.pageOf', { page: pageNumber, count: doc.numPages })}
    />
  );
}
