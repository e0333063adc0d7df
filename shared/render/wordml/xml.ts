/**
 * XML text for WordprocessingML parts: escaping, and the characters XML 1.0 cannot carry at all (§2.2: only
 * TAB, LF, CR and U+0020 up, without lone surrogates, U+FFFE and U+FFFF) dropped, so that pasted text with a
 * stray control character still makes a file Word opens.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text as XML character data or a quoted attribute value. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

type AttrValue = string | number | undefined;

/** `<name a="1"/>` or `<name a="1">children</name>`; undefined attributes are left out. */
export function el(name: string, attrs: Readonly<Record<string, AttrValue>> = {}, children = ''): string {
  const list = Object.entries(attrs)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? v : escapeXml(v)}"`)
    .join('');
  return children === '' ? `<${name}${list}/>` : `<${name}${list}>${children}</${name}>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
