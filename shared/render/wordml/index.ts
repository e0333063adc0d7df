/** Our own small .docx writer: the WordprocessingML model, its XML, and the package. */
export * from './document';
export { docxParts, packDocx, type FontDecl, type WordDocument } from './package';
export { escapeXml } from './xml';
