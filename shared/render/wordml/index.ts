/** Our own small .docx writer: the WordprocessingML model and the package (the XML of each element stays inside). */
export type {
  Block,
  PageSetup,
  Paragraph,
  ParagraphProps,
  Run,
  RunFonts,
  RunProps,
  Table,
  TableCell,
  TableRow,
} from './document';
export { docxParts, packDocx, type FontDecl, type WordDocument } from './package';
export { escapeXml } from './xml';
