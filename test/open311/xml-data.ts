/**
 * Reading our XML documents back as data, to prove each XML answer says the same as its JSON
 * twin. XML has no types, so the comparison happens in "XML shape": every scalar a string,
 * null an empty string, absent fields absent. Lists are recognised by the same LIST_ITEM table
 * the writer uses, which also checks that every item carries the spec's element name.
 */
import { LIST_ITEM } from '../../src/open311/xml.js';
import { parseXml, XmlParseError, type XmlElement } from './xml-parse.js';

export type XmlShape = string | XmlShape[] | { [key: string]: XmlShape };

const elementsOf = (el: XmlElement) => el.children.filter((c): c is XmlElement => typeof c !== 'string');
const textOf = (el: XmlElement) => el.children.filter((c): c is string => typeof c === 'string').join('');

/** Converts one element (and its subtree) to XML-shaped data. */
export function elementToData(el: XmlElement): XmlShape {
  const children = elementsOf(el);
  const item = LIST_ITEM[el.name];
  if (children.length > 0 && textOf(el).trim() !== '') {
    throw new XmlParseError(`<${el.name}> mixes text and elements`);
  }
  if (item !== undefined) {
    if (textOf(el).trim() !== '') throw new XmlParseError(`list <${el.name}> holds text`);
    return children.map((child) => {
      if (child.name !== item) throw new XmlParseError(`<${el.name}> holds <${child.name}>, expected <${item}>`);
      return elementToData(child);
    });
  }
  if (children.length === 0) return textOf(el);
  const out: Record<string, XmlShape> = {};
  for (const child of children) {
    if (child.name in out) throw new XmlParseError(`<${el.name}> repeats <${child.name}> outside a list`);
    out[child.name] = elementToData(child);
  }
  return out;
}

/** Parses a whole document: its root element name and its data. */
export function xmlToData(source: string): { root: string; data: XmlShape } {
  const root = parseXml(source);
  return { root: root.name, data: elementToData(root) };
}

/** What a JSON value becomes once written as XML and read back. */
export function xmlShape(value: unknown): XmlShape {
  if (value === null) return '';
  if (Array.isArray(value)) return value.map(xmlShape);
  if (typeof value === 'object') {
    const out: Record<string, XmlShape> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v !== undefined) out[k] = xmlShape(v);
    }
    return out;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(`no XML shape for a ${typeof value}`);
}
