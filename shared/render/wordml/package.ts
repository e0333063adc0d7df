/**
 * A .docx file (an Open Packaging Conventions zip, ECMA-376 Part 2) from the WordprocessingML model: the parts
 * Word, WPS and LibreOffice need — [Content_Types].xml, the relationships, document, styles (document defaults
 * and the default paragraph and table styles), settings (compatibility mode 15, so Word does not open it in
 * compatibility view), the font table with each font's fallback, the footer, and the core properties (title,
 * author). Pure: the zip is built in memory, deflated, with a fixed timestamp so equal input gives equal bytes.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import {
  blockXml,
  paragraphXml,
  runPropsXml,
  sectionXml,
  type Block,
  type PageSetup,
  type Paragraph,
  type RunProps,
} from './document';
import { XML_DECLARATION, el, escapeXml } from './xml';

/** A font as the font table declares it: the name to fall back to and the character set (86 = GB2312). */
export interface FontDecl {
  name: string;
  altName: string;
  charset: string;
  family: 'roman' | 'swiss' | 'modern' | 'script' | 'decorative' | 'auto';
}

export interface WordDocument {
  title: string;
  creator: string;
  /** The document's default run properties (w:docDefaults). */
  defaults: RunProps;
  fonts: FontDecl[];
  page: PageSetup;
  body: Block[];
  footer?: Paragraph[];
}

const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  rel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  types: 'http://schemas.openxmlformats.org/package/2006/content-types',
};
const OFFICE_REL = `${NS.r}/`;
const WORD_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.';

const wordPart = (root: string, children: string): string =>
  XML_DECLARATION + el(root, { 'xmlns:w': NS.w, 'xmlns:r': NS.r }, children);

function relationships(rels: readonly { id: string; type: string; target: string }[]): string {
  const list = rels.map((r) => el('Relationship', { Id: r.id, Type: r.type, Target: r.target })).join('');
  return XML_DECLARATION + el('Relationships', { xmlns: NS.rel }, list);
}

function contentTypes(hasFooter: boolean): string {
  const override = (part: string, type: string): string => el('Override', { PartName: part, ContentType: type });
  return (
    XML_DECLARATION +
    el(
      'Types',
      { xmlns: NS.types },
      el('Default', { Extension: 'rels', ContentType: 'application/vnd.openxmlformats-package.relationships+xml' }) +
        el('Default', { Extension: 'xml', ContentType: 'application/xml' }) +
        override('/word/document.xml', `${WORD_TYPE}document.main+xml`) +
        override('/word/styles.xml', `${WORD_TYPE}styles+xml`) +
        override('/word/settings.xml', `${WORD_TYPE}settings+xml`) +
        override('/word/fontTable.xml', `${WORD_TYPE}fontTable+xml`) +
        (hasFooter ? override('/word/footer1.xml', `${WORD_TYPE}footer+xml`) : '') +
        override('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'),
    )
  );
}

/** Document defaults, Normal as the default paragraph style, and Word's default table style (cell margins 108). */
function stylesXml(defaults: RunProps): string {
  const rPr = runPropsXml(defaults);
  const mar = (side: string, w: number): string => el(`w:${side}`, { 'w:w': w, 'w:type': 'dxa' });
  return wordPart(
    'w:styles',
    el('w:docDefaults', {}, rPr === '' ? '' : el('w:rPrDefault', {}, rPr)) +
      el(
        'w:style',
        { 'w:type': 'paragraph', 'w:default': 1, 'w:styleId': 'Normal' },
        el('w:name', { 'w:val': 'Normal' }) + el('w:qFormat'),
      ) +
      el(
        'w:style',
        { 'w:type': 'table', 'w:default': 1, 'w:styleId': 'TableNormal' },
        el('w:name', { 'w:val': 'Normal Table' }) +
          el('w:uiPriority', { 'w:val': 99 }) +
          el('w:semiHidden') +
          el('w:unhideWhenUsed') +
          el(
            'w:tblPr',
            {},
            el('w:tblInd', { 'w:w': 0, 'w:type': 'dxa' }) +
              el('w:tblCellMar', {}, mar('top', 0) + mar('left', 108) + mar('bottom', 0) + mar('right', 108)),
          ),
      ),
  );
}

function settingsXml(): string {
  return wordPart(
    'w:settings',
    el('w:defaultTabStop', { 'w:val': 720 }) +
      el(
        'w:compat',
        {},
        el('w:compatSetting', {
          'w:name': 'compatibilityMode',
          'w:uri': 'http://schemas.microsoft.com/office/word',
          'w:val': 15,
        }),
      ),
  );
}

function fontTableXml(fonts: readonly FontDecl[]): string {
  const list = fonts.map((f) =>
    el(
      'w:font',
      { 'w:name': f.name },
      el('w:altName', { 'w:val': f.altName }) +
        el('w:charset', { 'w:val': f.charset }) +
        el('w:family', { 'w:val': f.family }) +
        el('w:pitch', { 'w:val': 'variable' }),
    ),
  );
  return wordPart('w:fonts', list.join(''));
}

function coreXml(doc: WordDocument): string {
  return (
    XML_DECLARATION +
    el(
      'cp:coreProperties',
      {
        'xmlns:cp': 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties',
        'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      },
      `<dc:title>${escapeXml(doc.title)}</dc:title><dc:creator>${escapeXml(doc.creator)}</dc:creator>`,
    )
  );
}

const FOOTER_ID = 'rId4';

/** Every part of the package, by its path in the zip. */
export function docxParts(doc: WordDocument): Record<string, string> {
  const footer = doc.footer;
  const rel = (id: string, type: string, target: string) => ({ id, type: `${OFFICE_REL}${type}`, target });
  const parts: Record<string, string> = {
    '[Content_Types].xml': contentTypes(footer !== undefined),
    '_rels/.rels': relationships([
      rel('rId1', 'officeDocument', 'word/document.xml'),
      { id: 'rId2', type: `${NS.rel}/metadata/core-properties`, target: 'docProps/core.xml' },
    ]),
    'docProps/core.xml': coreXml(doc),
    'word/_rels/document.xml.rels': relationships([
      rel('rId1', 'styles', 'styles.xml'),
      rel('rId2', 'settings', 'settings.xml'),
      rel('rId3', 'fontTable', 'fontTable.xml'),
      ...(footer ? [rel(FOOTER_ID, 'footer', 'footer1.xml')] : []),
    ]),
    'word/document.xml': wordPart(
      'w:document',
      el('w:body', {}, doc.body.map(blockXml).join('') + sectionXml(doc.page, footer ? FOOTER_ID : undefined)),
    ),
    'word/styles.xml': stylesXml(doc.defaults),
    'word/settings.xml': settingsXml(),
    'word/fontTable.xml': fontTableXml(doc.fonts),
  };
  if (footer) parts['word/footer1.xml'] = wordPart('w:ftr', footer.map(paragraphXml).join(''));
  return parts;
}

/** A fixed time for the zip entries (1 January 2000), so the bytes depend on the document only. */
const MTIME = new Date(2000, 0, 1);

/** The document as .docx bytes. */
export function packDocx(doc: WordDocument): Uint8Array {
  const files: Zippable = {};
  for (const [path, xml] of Object.entries(docxParts(doc))) files[path] = [strToU8(xml), { level: 6, mtime: MTIME }];
  return zipSync(files);
}
