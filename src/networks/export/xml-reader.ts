/**
 * @module networks/export/xml-reader
 * A small, strict reader for the XML the exports write (and for GraphML/GEXF files generally):
 * elements, attributes, text, the five named entities and numeric character references, comments,
 * processing instructions and CDATA. It checks well-formedness (matching tags, one root, quoted
 * attributes, no duplicate attributes) and throws on anything else. No DTDs, no namespaces
 * resolution (prefixed names are kept as written).
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Concatenated text content directly inside this element. */
  text: string;
}

const NAME = /[A-Za-z_:][\w.:-]*/y;
const ATTRIBUTE = /\s+([A-Za-z_:][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/y;
const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9A-Fa-f]+));|&/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decode(text: string, at: number): string {
  return text.replace(ENTITY, (match, named: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (named) return NAMED[named]!;
    if (dec ?? hex) return String.fromCodePoint(Number.parseInt((dec ?? hex)!, dec ? 10 : 16));
    throw new SyntaxError(`XML: bare "&" near offset ${at}: ${JSON.stringify(match)}`);
  });
}

export function readXml(source: string): XmlElement {
  let i = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  const fail = (what: string): never => {
    throw new SyntaxError(`XML: ${what} at offset ${i}`);
  };
  const skip = (open: string, close: string) => {
    const end = source.indexOf(close, i + open.length);
    if (end < 0) fail(`unterminated ${open}`);
    const body = source.slice(i + open.length, end);
    i = end + close.length;
    return body;
  };

  while (i < source.length) {
    const lt = source.indexOf("<", i);
    const textEnd = lt < 0 ? source.length : lt;
    if (textEnd > i) {
      const text = source.slice(i, textEnd);
      const top = stack[stack.length - 1];
      if (top) top.text += decode(text, i);
      else if (text.trim() !== "") fail("text outside the root element");
      i = textEnd;
      continue;
    }
    if (source.startsWith("<?", i)) skip("<?", "?>");
    else if (source.startsWith("<!--", i)) skip("<!--", "-->");
    else if (source.startsWith("<![CDATA[", i)) {
      const top = stack[stack.length - 1] ?? fail("CDATA outside the root element");
      top.text += skip("<![CDATA[", "]]>");
    } else if (source.startsWith("<!", i)) fail("DOCTYPE and declarations are not supported");
    else if (source.startsWith("</", i)) {
      i += 2;
      NAME.lastIndex = i;
      const name = NAME.exec(source)?.[0] ?? fail("bad end tag");
      i += name.length;
      while (/\s/.test(source[i] ?? "")) i++;
      if (source[i] !== ">") fail(`bad end tag </${name}`);
      i++;
      const open = stack.pop();
      if (!open || open.name !== name) fail(`</${name}> does not close <${open?.name ?? "nothing"}>`);
    } else {
      i++;
      NAME.lastIndex = i;
      const name = NAME.exec(source)?.[0] ?? fail("bad start tag");
      i += name.length;
      const element: XmlElement = { name, attributes: {}, children: [], text: "" };
      for (;;) {
        ATTRIBUTE.lastIndex = i;
        const m = ATTRIBUTE.exec(source);
        if (!m) break;
        const attr = m[1]!;
        if (attr in element.attributes) fail(`duplicate attribute ${attr} on <${name}>`);
        element.attributes[attr] = decode(m[3] ?? m[4] ?? "", i);
        i = ATTRIBUTE.lastIndex;
      }
      while (/\s/.test(source[i] ?? "")) i++;
      const selfClosing = source.startsWith("/>", i);
      if (!selfClosing && source[i] !== ">") fail(`bad start tag <${name}`);
      i += selfClosing ? 2 : 1;
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else if (root) fail("a second root element");
      else root = element;
      if (!selfClosing) stack.push(element);
    }
  }
  if (stack.length > 0) fail(`<${stack[stack.length - 1]!.name}> is not closed`);
  return root ?? fail("no root element");
}

/** Descendants (depth-first, document order) with the given name. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (e: XmlElement) => {
    for (const child of e.children) {
      if (child.name === name) out.push(child);
      visit(child);
    }
  };
  visit(element);
  return out;
}
