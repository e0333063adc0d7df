/**
 * Our .docx writer (shared/render/wordml): every part well-formed XML, the property children in the order the
 * schema's sequences require (Word refuses a file whose children are out of order), text escaped, merged cells as
 * Word draws them, and a package whose content types and relationships name every part it holds.
 */
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import {
  docxParts,
  escapeXml,
  packDocx,
  type Paragraph,
  type Table,
  type WordDocument,
} from '../../../shared/render/wordml';
import { renderDocx } from '../../../shared/render/docx';
import { sampleReport } from './sample-report';

/**
 * The sequences of ECMA-376 Part 1 (transitional wml.xsd) for the elements the writer emits: CT_PPrBase + CT_PPr,
 * EG_RPrBase, CT_TblPrBase, CT_TblBorders, CT_TrPr, CT_TcPrBase, CT_TcMar, CT_Tbl, CT_Tc, EG_SectPrContents
 * (after the header/footer references), CT_Style, CT_Font.
 */
// prettier-ignore
const SEQUENCES: Record<string, readonly string[]> = {
  pPr: [
    'pStyle', 'keepNext', 'keepLines', 'pageBreakBefore', 'framePr', 'widowControl', 'numPr', 'suppressLineNumbers',
    'pBdr', 'shd', 'tabs', 'suppressAutoHyphens', 'kinsoku', 'wordWrap', 'overflowPunct', 'topLinePunct',
    'autoSpaceDE', 'autoSpaceDN', 'bidi', 'adjustRightInd', 'snapToGrid', 'spacing', 'ind', 'contextualSpacing',
    'mirrorIndents', 'suppressOverlap', 'jc', 'textDirection', 'textAlignment', 'textboxTightWrap', 'outlineLvl',
    'divId', 'cnfStyle', 'rPr', 'sectPr', 'pPrChange',
  ],
  rPr: [
    'rStyle', 'rFonts', 'b', 'bCs', 'i', 'iCs', 'caps', 'smallCaps', 'strike', 'dstrike', 'outline', 'shadow',
    'emboss', 'imprint', 'noProof', 'snapToGrid', 'vanish', 'webHidden', 'color', 'spacing', 'w', 'kern', 'position',
    'sz', 'szCs', 'highlight', 'u', 'effect', 'bdr', 'shd', 'fitText', 'vertAlign', 'rtl', 'cs', 'em', 'lang',
    'eastAsianLayout', 'specVanish', 'oMath',
  ],
  tblPr: [
    'tblStyle', 'tblpPr', 'tblOverlap', 'bidiVisual', 'tblStyleRowBandSize', 'tblStyleColBandSize', 'tblW', 'jc',
    'tblCellSpacing', 'tblInd', 'tblBorders', 'shd', 'tblLayout', 'tblCellMar', 'tblLook', 'tblCaption',
    'tblDescription',
  ],
  tblBorders: ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'],
  tblCellMar: ['top', 'left', 'bottom', 'right'],
  tcMar: ['top', 'left', 'bottom', 'right'],
  tcPr: [
    'cnfStyle', 'tcW', 'gridSpan', 'hMerge', 'vMerge', 'tcBorders', 'shd', 'noWrap', 'tcMar', 'textDirection',
    'tcFitText', 'vAlign', 'hideMark',
  ],
  tbl: ['tblPr', 'tblGrid', 'tr'],
  tr: ['tblPrEx', 'trPr', 'tc'],
  tc: ['tcPr', 'p'],
  p: ['pPr', 'r'],
  r: ['rPr', 't'],
  sectPr: [
    'headerReference', 'footerReference', 'footnotePr', 'endnotePr', 'type', 'pgSz', 'pgMar', 'paperSrc', 'pgBorders',
    'lnNumType', 'pgNumType', 'cols', 'formProt', 'vAlign', 'noEndnote', 'titlePg', 'textDirection', 'bidi',
    'rtlGutter', 'docGrid', 'printerSettings', 'sectPrChange',
  ],
  style: [
    'name', 'aliases', 'basedOn', 'next', 'link', 'autoRedefine', 'hidden', 'uiPriority', 'semiHidden',
    'unhideWhenUsed', 'qFormat', 'locked', 'personal', 'personalCompose', 'personalReply', 'rsid', 'pPr', 'rPr',
    'tblPr', 'trPr', 'tcPr', 'tblStylePr',
  ],
  font: ['altName', 'panose1', 'charset', 'family', 'notTrueType', 'pitch', 'sig'],
  body: ['p', 'sectPr'],
};
// A body holds paragraphs and tables in any order, then sectPr; a run's content may repeat.
const INTERCHANGEABLE: Record<string, readonly string[]> = { body: ['p', 'tbl'], r: ['t', 'fldChar', 'instrText'] };

/** An element as a strict, namespace-aware XML parser (saxes) reads it. */
interface XmlElement {
  name: string;
  local: string;
  uri: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Parse a part; throws if it is not well-formed XML. */
function parse(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const root: XmlElement = { name: '', local: '', uri: '', attributes: {}, children: [], text: '' };
  const open: XmlElement[] = [root];
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => {
    const attributes = Object.fromEntries(Object.entries(tag.attributes).map(([k, a]) => [k, a.value]));
    const el: XmlElement = { name: tag.name, local: tag.local, uri: tag.uri, attributes, children: [], text: '' };
    open.at(-1)?.children.push(el);
    open.push(el);
  });
  parser.on('text', (text) => {
    for (const el of open) el.text += text;
  });
  parser.on('closetag', () => {
    open.pop();
  });
  parser.write(xml).close();
  const top = root.children[0];
  if (!top) throw new Error('no root element');
  return top;
}

/** The element and all its descendants, in document order. */
const all = (el: XmlElement): XmlElement[] => [el, ...el.children.flatMap(all)];
const byName = (el: XmlElement, name: string): XmlElement[] => all(el).filter((e) => e.name === name);

/** Every element of a part whose children break its schema sequence, as "parent: child after child". */
function orderViolations(top: XmlElement): string[] {
  const out: string[] = [];
  for (const el of all(top)) {
    const sequence = SEQUENCES[el.local];
    if (!sequence || el.uri !== top.uri) continue;
    const same = INTERCHANGEABLE[el.local] ?? [];
    const rank = (name: string): number => sequence.indexOf(same.includes(name) ? (same[0] ?? name) : name);
    let last = -1;
    let previous = '';
    for (const child of el.children) {
      const at = rank(child.local);
      if (at < 0) out.push(`${el.local}: unexpected ${child.local}`);
      else if (at < last) out.push(`${el.local}: ${child.local} after ${previous}`);
      last = Math.max(last, at);
      previous = child.local;
    }
  }
  return out;
}

const p = (text: string): Paragraph => ({ kind: 'paragraph', runs: [{ text }] });
const cell = (text: string, colSpan = 1, rowSpan = 1) => ({ paragraphs: [p(text)], colSpan, rowSpan });

/** 3 × 3: A spans two columns and two rows; B spans down the whole table. */
const merged: Table = {
  kind: 'table',
  grid: [1000, 1500, 2000],
  rows: [
    { cells: [cell('A', 2, 2), cell('B', 1, 3)], header: true },
    { cells: [] },
    { cells: [cell('C'), cell('D')], cantSplit: true },
  ],
  border: 4,
  cellMargin: { top: 30, bottom: 30, left: 60, right: 60 },
  verticalAlign: 'center',
};

const doc: WordDocument = {
  title: '标题 <&>',
  creator: '青石镇',
  defaults: { fonts: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312' }, size: 32 },
  fonts: [{ name: '仿宋_GB2312', altName: '仿宋', charset: '86', family: 'modern' }],
  page: {
    width: 11906,
    height: 16838,
    margin: { top: 2098, right: 1474, bottom: 1984, left: 1587, header: 850, footer: 1134 },
  },
  body: [
    {
      kind: 'paragraph',
      props: { align: 'both', firstLineIndent: 640, spacing: { line: 578, lineRule: 'exact' }, keepNext: true },
      runs: [{ text: 'a<b & c>d "q" \u0001\u000b\u0007end\ttab', props: { bold: true, size: 21, fonts: heiti() } }],
    },
    merged,
    p(''),
  ],
  footer: [
    { kind: 'paragraph', props: { align: 'center' }, runs: [{ text: '— ' }, { field: 'PAGE' }, { text: ' —' }] },
  ],
};

function heiti() {
  return { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', hint: 'eastAsia' as const };
}

describe('the .docx writer', () => {
  const parts = docxParts(doc);

  it('writes every part as well-formed XML, each child in its schema order', () => {
    expect(Object.keys(parts).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'docProps/core.xml',
      'word/_rels/document.xml.rels',
      'word/document.xml',
      'word/fontTable.xml',
      'word/footer1.xml',
      'word/settings.xml',
      'word/styles.xml',
    ]);
    for (const [name, xml] of Object.entries(parts)) {
      expect([name, orderViolations(parse(xml))]).toEqual([name, []]);
    }
  });

  it('the checks themselves fail on a malformed part and a property out of order', () => {
    expect(() => parse('<a><b></a>')).toThrow();
    expect(() => parse('<a>x & y</a>')).toThrow();
    expect(() => parse('<a>\u0001</a>')).toThrow();
    const wrong = parts['word/document.xml']
      ?.replace('<w:keepNext/>', '')
      .replace('<w:jc w:val="both"/>', '<w:jc w:val="both"/><w:keepNext/>');
    expect(orderViolations(parse(wrong ?? ''))).toEqual(['pPr: keepNext after jc']);
  });

  it('escapes <&>" in text and attributes and drops the control characters XML 1.0 cannot carry', () => {
    expect(escapeXml('a<b & c>d "q" \'s\'')).toBe('a&lt;b &amp; c&gt;d &quot;q&quot; &apos;s&apos;');
    expect(escapeXml('x\u0000\u0001\u0008\u000b\u000c\u001f\ufffe\ud800y\t\n\r')).toBe('xy\t\n\r');
    expect(escapeXml('𠀀 emoji 😀')).toBe('𠀀 emoji 😀'); // surrogate pairs are kept
    const body = parse(parts['word/document.xml'] ?? '');
    const text = byName(body, 'w:t')[0]?.text;
    expect(text).toBe('a<b & c>d "q" end\ttab');
    expect(byName(parse(parts['docProps/core.xml'] ?? ''), 'dc:title')[0]?.text).toBe('标题 <&>');
  });

  it('writes the CJK fonts as eastAsia font attributes, in the runs and the document defaults', () => {
    const fonts = byName(parse(parts['word/document.xml'] ?? ''), 'w:rFonts')[0];
    expect(fonts?.attributes['w:eastAsia']).toBe('黑体');
    expect(fonts?.attributes['w:hint']).toBe('eastAsia');
    expect(parts['word/styles.xml']).toContain(
      '<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:rPrDefault>',
    );
    expect(parts['word/fontTable.xml']).toContain(
      '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/>',
    );
  });

  it('draws merged cells as gridSpan and a vMerge restart with one continue cell per row below', () => {
    const rows = byName(parse(parts['word/document.xml'] ?? ''), 'w:tr');
    const described = rows.map((tr) =>
      byName(tr, 'w:tc').map((tc) => {
        const span = byName(tc, 'w:gridSpan')[0]?.attributes['w:val'] ?? '1';
        const merge = byName(tc, 'w:vMerge')[0]?.attributes['w:val'] ?? '';
        const width = byName(tc, 'w:tcW')[0]?.attributes['w:w'] ?? '';
        return `${tc.text}|${span}|${merge}|${width}`;
      }),
    );
    expect(described).toEqual([
      ['A|2|restart|2500', 'B|1|restart|2000'],
      ['|2|continue|2500', '|1|continue|2000'],
      ['C|1||1000', 'D|1||1500', '|1|continue|2000'],
    ]);
    // the header row repeats on each page; rows that must not break across pages say so
    expect(byName(rows[0] ?? parse('<x/>'), 'w:tblHeader')).toHaveLength(1);
    expect(byName(rows[2] ?? parse('<x/>'), 'w:cantSplit')).toHaveLength(1);
  });

  it('refuses a table whose cells do not fill its grid', () => {
    const ragged: Table = { ...merged, rows: [{ cells: [cell('A', 2)] }, { cells: [cell('B', 3)] }] };
    expect(() => docxParts({ ...doc, body: [ragged, p('')] })).toThrow(/no cell at row 0, column 2/);
  });

  it('packs a zip whose content types and relationships name exactly the parts it holds, the same bytes each time', () => {
    const bytes = packDocx(doc);
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual(Object.keys(parts).sort());
    expect(strFromU8(files['word/document.xml'] ?? new Uint8Array())).toBe(parts['word/document.xml']);
    const types = parse(strFromU8(files['[Content_Types].xml'] ?? new Uint8Array()));
    const overrides = byName(types, 'Override').map((o) => o.attributes.PartName);
    const xmlParts = Object.keys(parts).filter((n) => n.endsWith('.xml') && n !== '[Content_Types].xml');
    expect(overrides.sort()).toEqual(xmlParts.map((n) => `/${n}`).sort());
    const targets = (rels: string, base: string): string[] =>
      byName(parse(strFromU8(files[rels] ?? new Uint8Array())), 'Relationship').map(
        (r) => `${base}${r.attributes.Target ?? ''}`,
      );
    const referenced = [...targets('_rels/.rels', ''), ...targets('word/_rels/document.xml.rels', 'word/')];
    expect(referenced.sort()).toEqual(xmlParts.sort());
    expect(packDocx(doc)).toEqual(bytes);
  });
});

describe('the report as .docx', () => {
  it.each([
    ['2021', sampleReport({ 'proactive.rules.newlyMade': null }, { findings: [] })],
    ['2019', sampleReport({}, { formatVersion: '2019', proactive2019: { 'proactive2019.rules.newlyMade': 2 } })],
  ])('has every part well-formed and in schema order (%s format)', async (_format, report) => {
    const files = unzipSync(await renderDocx(report));
    for (const [name, data] of Object.entries(files)) {
      expect([name, orderViolations(parse(strFromU8(data)))]).toEqual([name, []]);
    }
  });
});
