/**
 * @module events/scheduler/ics-parse
 * A small RFC 5545 reader — unfolding, property parameters (quoted values included), TEXT unescaping
 * and nested components — enough to read back what `ics.ts` writes and check it in tests.
 */

export interface IcsProperty {
  name: string;
  params: Record<string, string>;
  value: string;
}

export interface IcsComponent {
  name: string;
  properties: IcsProperty[];
  components: IcsComponent[];
}

export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, ch: string) => (ch === "n" || ch === "N" ? "\n" : ch));
}

function parseLine(line: string, lineNo: number): IcsProperty {
  let i = 0;
  let quoted = false;
  for (; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ":" && !quoted) break;
  }
  if (i === line.length) throw new Error(`line ${lineNo}: no ":" in "${line}"`);
  const [name, ...rawParams] = line.slice(0, i).split(";");
  const params: Record<string, string> = {};
  for (const p of rawParams) {
    const eq = p.indexOf("=");
    if (eq > 0) params[p.slice(0, eq).toUpperCase()] = p.slice(eq + 1).replace(/^"|"$/g, "");
  }
  return { name: name!.toUpperCase(), params, value: line.slice(i + 1) };
}

/** Parses iCalendar text into its top-level components (usually one VCALENDAR). */
export function parseIcs(text: string): IcsComponent[] {
  const unfolded = text.replace(/\r\n[ \t]/g, "");
  const lines = unfolded.split("\r\n").filter((l) => l.length > 0);
  const root: IcsComponent = { name: "", properties: [], components: [] };
  const stack: IcsComponent[] = [root];
  lines.forEach((line, n) => {
    const prop = parseLine(line, n + 1);
    const top = stack[stack.length - 1]!;
    if (prop.name === "BEGIN") {
      const child: IcsComponent = { name: prop.value.toUpperCase(), properties: [], components: [] };
      top.components.push(child);
      stack.push(child);
    } else if (prop.name === "END") {
      if (top.name !== prop.value.toUpperCase()) throw new Error(`line ${n + 1}: END:${prop.value} closes ${top.name || "nothing"}`);
      stack.pop();
    } else {
      top.properties.push(prop);
    }
  });
  if (stack.length !== 1) throw new Error(`unclosed component ${stack[stack.length - 1]!.name}`);
  return root.components;
}

/** The unescaped TEXT value of a property, or undefined. */
export function textOf(component: IcsComponent, name: string): string | undefined {
  const p = component.properties.find((x) => x.name === name);
  return p === undefined ? undefined : unescapeText(p.value);
}

/** Reads a UTC DATE-TIME such as 20260310T030000Z. */
export function parseUtc(value: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) throw new Error(`not a UTC date-time: "${value}"`);
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
}
