// What identifies a printed page of the portrait: the date of the data and the source.
// - on every page, in the bottom margin (CSS page-margin boxes of the named page "portrait",
//   see app/(public)/portrait/print.css), with the page number;
// - at the top of the first page, as text (also what a browser without margin boxes prints).
// The margin text has to be a CSS string: it is written here, escaped, for this request.

/** A CSS string literal: quotes, backslashes, line ends and "<" escaped. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r]/g, (character) => `\\${character.charCodeAt(0).toString(16)} `)}"`;
}

export function PrintMarks({ dateText, sourceText }: { dateText: string; sourceText: string }) {
  const css = `@page portrait {
  @bottom-left { content: ${cssString(`${dateText}\n${sourceText}`)}; white-space: pre; font-size: 8pt; color: #333; }
  @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; color: #333; }
}`;
  return (
    <>
      {/* Plain text from our own formatter and SITE_URL, escaped as a CSS string above. */}
      <style dangerouslySetInnerHTML={{ __html: css }} />
      <p className="print-only print-running-head" data-testid="portrait-print-head">
        {dateText} — {sourceText}
      </p>
    </>
  );
}
