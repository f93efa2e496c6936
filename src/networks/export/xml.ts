/**
 * @module networks/export/xml
 * The few XML-writing helpers the GraphML and GEXF exports share: escaping text and attribute
 * values, and dropping characters XML 1.0 cannot carry (control characters from a spreadsheet cell
 * would otherwise make the whole file unreadable in Gephi).
 */

// XML 1.0 Char production: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes for use in element text or a double-quoted attribute; illegal characters become U+FFFD. */
export function escapeXml(value: string): string {
  return value
    .replace(NOT_XML_CHAR, "\uFFFD")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(/\r/g, "&#13;")
    .replace(/\n/g, "&#10;")
    .replace(/\t/g, "&#9;");
}

/** ` name="value"` pairs; undefined and null values are left out. */
export function xmlAttributes(attributes: Record<string, string | number | null | undefined>): string {
  let out = "";
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null) continue;
    out += ` ${name}="${escapeXml(String(value))}"`;
  }
  return out;
}
