// One kind of apostrophe in the interface's own words (docs/vocabulaire.md): the typographic ’.
// The entries' data keeps its own (the inventory writes '), so the check reads the source code,
// not the served pages: every string literal, template and JSX text of the files that hold the
// interface's copy, comments excluded (they are English and not shown).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Folders and files whose strings are the interface's copy (relative to the repository). */
export const COPY_SOURCES = ['app', 'components', 'lib'];
/**
 * Not the interface's words: generated code; the seed's data (it keeps the inventory's
 * apostrophes); the open data's files (lib/export: CSV column names such as « Types d'aide » and
 * the HSDS vocabulary are a published format that people's spreadsheets and scripts read by name).
 */
const NOT_COPY = [/^lib\/generated\//, /^lib\/seed\//, /^lib\/export\//];
/** Copy still to change, each with its reason (none left). */
export const PENDING_FILES: Record<string, string> = {};

// A straight apostrophe between two letters (« l'inventaire »), or its HTML entities.
const STRAIGHT = /(?<=\p{L})(?:'|&apos;|&#0*39;|&#x0*27;)(?=\p{L})/gu;

export type ApostropheFinding = { file: string; line: number; text: string };

/** The straight apostrophes of one file's strings, templates and JSX text. */
export function findStraightApostrophes(file: string, source: string): ApostropheFinding[] {
  const kind = file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
  const findings: ApostropheFinding[] = [];
  const visit = (node: ts.Node): void => {
    let text: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      text = node.text;
    } else if (ts.isJsxText(node)) {
      text = node.getText(sourceFile);
    }
    // Import paths, directives ('use server') and module names hold no apostrophe between letters anyway.
    if (text !== undefined && STRAIGHT.test(text)) {
      STRAIGHT.lastIndex = 0;
      const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
      findings.push({ file, line: line + 1, text: text.trim().slice(0, 120) });
    }
    STRAIGHT.lastIndex = 0;
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return findings;
}

function listFiles(root: string, dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const relative = path.posix.join(dir, name);
    if (statSync(path.join(root, relative)).isDirectory()) return listFiles(root, relative);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [relative] : [];
  });
}

/** Every straight apostrophe in the interface's copy of the repository at `root`. */
export function findCopyApostrophes(root: string): ApostropheFinding[] {
  return COPY_SOURCES.flatMap((dir) => listFiles(root, dir))
    .filter((file) => !NOT_COPY.some((pattern) => pattern.test(file)) && !(file in PENDING_FILES))
    .flatMap((file) => findStraightApostrophes(file, readFileSync(path.join(root, file), 'utf8')));
}
