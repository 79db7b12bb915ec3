/**
 * A small, strict XML 1.0 reader for tests: it rejects what a conforming parser rejects in the
 * documents we write (bad characters, stray '&' or '<', mismatched tags, text outside the root,
 * ']]>' in text), so a test that parses our output also proves it well-formed. It keeps
 * elements, attributes and text; comments, processing instructions and CDATA are understood.
 * DOCTYPEs are refused: nothing we produce or accept has one.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const NAME = /[A-Za-z_:\u00C0-\uFFEF][A-Za-z0-9_:.\-\u00B7\u00C0-\uFFEF]*/y;
const INVALID_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export class XmlParseError extends Error {}

export function parseXml(source: string): XmlElement {
  const bad = INVALID_CHAR.exec(source);
  if (bad)
    throw new XmlParseError(
      `character U+${bad[0].codePointAt(0)!.toString(16).toUpperCase()} is not allowed at ${bad.index}`,
    );
  const s = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let i = 0;
  const fail = (msg: string): never => {
    throw new XmlParseError(`${msg} at offset ${i}`);
  };
  const skipSpace = () => {
    while (i < s.length && ' \t\n'.includes(s[i])) i++;
  };
  const name = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(s);
    if (!m) fail('expected a name');
    i += m![0].length;
    return m![0];
  };
  const upTo = (end: string, what: string): string => {
    const j = s.indexOf(end, i);
    if (j < 0) fail(`unterminated ${what}`);
    const out = s.slice(i, j);
    i = j + end.length;
    return out;
  };
  const reference = (): string => {
    const body = upTo(';', 'reference').slice(1);
    if (body in PREDEFINED) return PREDEFINED[body];
    const m = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(body);
    if (!m) return fail(`unknown entity &${body};`);
    const cp = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2], 10);
    const ch = cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
    if (ch === '' || INVALID_CHAR.test(ch)) fail(`character reference &${body}; names a forbidden character`);
    return ch;
  };
  // Comments and processing instructions, allowed in the prolog, content and after the root.
  const misc = (): boolean => {
    if (s.startsWith('<!--', i)) {
      i += 4;
      const body = upTo('-->', 'comment');
      if (body.includes('--')) fail('"--" inside a comment');
      return true;
    }
    if (s.startsWith('<?', i)) {
      i += 2;
      if (/^xml$/i.test(name())) fail('misplaced XML declaration');
      upTo('?>', 'processing instruction');
      return true;
    }
    return false;
  };
  const attributeValue = (): string => {
    const quote = s[i];
    if (quote !== '"' && quote !== "'") fail('expected a quoted attribute value');
    i++;
    let out = '';
    while (s[i] !== quote) {
      if (i >= s.length) fail('unterminated attribute value');
      const c = s[i];
      if (c === '<') fail('"<" in an attribute value');
      if (c === '&') {
        out += reference();
        continue;
      }
      out += c === '\t' || c === '\n' ? ' ' : c; // attribute-value normalisation
      i++;
    }
    i++;
    return out;
  };
  const elementAt = (): XmlElement => {
    i++; // '<'
    const el: XmlElement = { name: name(), attributes: {}, children: [] };
    for (;;) {
      const before = i;
      skipSpace();
      if (s.startsWith('/>', i)) {
        i += 2;
        return el;
      }
      if (s[i] === '>') {
        i++;
        break;
      }
      if (i === before) fail('expected whitespace before an attribute');
      const attr = name();
      skipSpace();
      if (s[i] !== '=') fail(`expected "=" after attribute ${attr}`);
      i++;
      skipSpace();
      if (attr in el.attributes) fail(`duplicate attribute ${attr}`);
      el.attributes[attr] = attributeValue();
    }
    let text = '';
    const flush = () => {
      if (text !== '') el.children.push(text);
      text = '';
    };
    for (;;) {
      if (i >= s.length) fail(`unclosed element <${el.name}>`);
      if (s.startsWith('</', i)) {
        i += 2;
        const closing = name();
        skipSpace();
        if (closing !== el.name || s[i] !== '>') fail(`</${closing}> does not close <${el.name}>`);
        i++;
        flush();
        return el;
      }
      if (s.startsWith('<![CDATA[', i)) {
        i += 9;
        text += upTo(']]>', 'CDATA section');
      } else if (s.startsWith('<!--', i) || s.startsWith('<?', i)) {
        misc();
      } else if (s[i] === '<') {
        flush();
        el.children.push(elementAt());
      } else if (s[i] === '&') {
        text += reference();
      } else {
        if (s.startsWith(']]>', i)) fail('"]]>" in text');
        text += s[i++];
      }
    }
  };

  if (s.startsWith('<?xml', i) && /^<\?xml[\s?]/.test(s.slice(i, i + 6))) {
    const decl = upTo('?>', 'XML declaration');
    if (!/^<\?xml\s+version\s*=\s*(["'])1\.[0-9]+\1/.test(decl)) fail('XML declaration without a version');
  }
  for (;;) {
    skipSpace();
    if (!misc()) break;
  }
  if (s.startsWith('<!DOCTYPE', i)) fail('DOCTYPE is not supported');
  if (s[i] !== '<') fail('expected the root element');
  const root = elementAt();
  for (;;) {
    skipSpace();
    if (!misc()) break;
  }
  if (i < s.length) fail('content after the root element');
  return root;
}
