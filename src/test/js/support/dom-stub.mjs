// A tiny DOM for the unit tests of static/common (node --test has no browser): elements, text
// nodes, attributes, dataset, classList, events, forms and simple selectors (tag, #id, .class,
// [attr], [attr="v"], [attr~="v"], one compound selector at a time). Installed as globals.

class Node {
  constructor(ownerDocument) {
    this.ownerDocument = ownerDocument;
    this.parentNode = null;
    this.childNodes = [];
  }

  get parentElement() {
    return this.parentNode instanceof Element ? this.parentNode : null;
  }

  appendChild(child) {
    if (child.parentNode) {
      child.remove();
    }
    child.parentNode = this;
    this.childNodes.push(child);
    return child;
  }

  insertAt(index, nodes) {
    const created = nodes.map((n) => (n instanceof Node ? n : this.ownerDocument.createTextNode(String(n))));
    created.forEach((n) => n.parentNode && n.remove());
    created.forEach((n) => { n.parentNode = this; });
    this.childNodes.splice(index, 0, ...created);
  }

  append(...nodes) {
    this.insertAt(this.childNodes.length, nodes);
  }

  prepend(...nodes) {
    this.insertAt(0, nodes);
  }

  after(...nodes) {
    const parent = this.parentNode;
    parent.insertAt(parent.childNodes.indexOf(this) + 1, nodes);
  }

  remove() {
    if (this.parentNode) {
      this.parentNode.childNodes = this.parentNode.childNodes.filter((n) => n !== this);
      this.parentNode = null;
    }
  }

  replaceChildren(...nodes) {
    this.childNodes.forEach((n) => { n.parentNode = null; });
    this.childNodes = [];
    this.append(...nodes);
  }

  get textContent() {
    return this.childNodes.map((n) => n.textContent).join('');
  }

  set textContent(text) {
    this.replaceChildren(String(text));
  }
}

class Text extends Node {
  constructor(ownerDocument, text) {
    super(ownerDocument);
    this.nodeValue = text;
  }

  get textContent() {
    return this.nodeValue;
  }
}

class ClassList {
  constructor(element) {
    this.element = element;
  }

  names() {
    return (this.element.getAttribute('class') || '').split(/\s+/).filter(Boolean);
  }

  contains(name) {
    return this.names().includes(name);
  }

  add(name) {
    if (!this.contains(name)) {
      this.element.setAttribute('class', [...this.names(), name].join(' '));
    }
  }

  remove(name) {
    this.element.setAttribute('class', this.names().filter((n) => n !== name).join(' '));
  }

  toggle(name, force = !this.contains(name)) {
    if (force) {
      this.add(name);
    } else {
      this.remove(name);
    }
    return force;
  }
}

const BOOLEAN_PROPERTIES = ['hidden', 'disabled', 'required', 'checked'];

class Element extends Node {
  constructor(ownerDocument, tag) {
    super(ownerDocument);
    this.tagName = tag.toUpperCase();
    this.attributes = new Map();
    this.listeners = {};
    this.dataset = {};
    this.classList = new ClassList(this);
    this.style = {};
    this.value = '';
  }

  setAttribute(name, value) {
    this.attributes.set(name, String(value));
  }

  getAttribute(name) {
    if (name.startsWith('data-')) {
      const key = name.slice(5).replace(/-(\w)/g, (_, c) => c.toUpperCase());
      return this.dataset[key] ?? null;
    }
    return this.attributes.has(name) ? this.attributes.get(name) : null;
  }

  hasAttribute(name) {
    return this.getAttribute(name) !== null;
  }

  removeAttribute(name) {
    this.attributes.delete(name);
  }

  get id() {
    return this.getAttribute('id') || '';
  }

  set id(value) {
    this.setAttribute('id', value);
  }

  get className() {
    return this.getAttribute('class') || '';
  }

  set className(value) {
    this.setAttribute('class', value);
  }

  get name() {
    return this.getAttribute('name') || '';
  }

  get children() {
    return this.childNodes.filter((n) => n instanceof Element);
  }

  /** A form's controls by name. */
  get elements() {
    const controls = this.querySelectorAll('input, select, textarea, button');
    const byName = (name) => controls.find((c) => c.name === name) || null;
    return new Proxy({ namedItem: byName }, { get: (target, key) => target[key] || byName(String(key)) });
  }

  addEventListener(type, listener) {
    (this.listeners[type] ||= []).push(listener);
  }

  dispatchEvent(event) {
    const full = { preventDefault() {}, target: this, ...event };
    (this.listeners[full.type] || []).forEach((listener) => listener(full));
    return true;
  }

  click() {
    this.dispatchEvent({ type: 'click' });
  }

  /** The node itself or its nearest ancestor matching {@code selectors}; no bubbling here, so a test dispatches at the form. */
  closest(selectors) {
    const alternatives = selectors.split(',').map((s) => parse(s.trim()));
    for (let node = this; node instanceof Element; node = node.parentNode) {
      if (alternatives.some((test) => test(node))) {
        return node;
      }
    }
    return null;
  }

  contains(other) {
    for (let node = other; node; node = node.parentNode) {
      if (node === this) {
        return true;
      }
    }
    return false;
  }

  focus() {
    this.ownerDocument.activeElement = this;
  }

  descendants() {
    return this.children.flatMap((child) => [child, ...child.descendants()]);
  }

  querySelectorAll(selectors) {
    const alternatives = selectors.split(',').map((s) => parse(s.trim()));
    return this.descendants().filter((node) => alternatives.some((test) => test(node)));
  }

  querySelector(selectors) {
    return this.querySelectorAll(selectors)[0] || null;
  }
}

for (const name of BOOLEAN_PROPERTIES) {
  Object.defineProperty(Element.prototype, name, {
    get() {
      return this.attributes.has(name);
    },
    set(on) {
      if (on) {
        this.attributes.set(name, '');
      } else {
        this.attributes.delete(name);
      }
    },
  });
}

/** A test of one compound selector: tag#id.class[attr][attr="v"][attr~="v"]. */
function parse(selector) {
  const tests = [];
  const pattern = /^([a-z][a-z0-9]*)|#([\w-]+)|\.([\w-]+)|\[([\w-]+)(?:(~?=)"([^"]*)")?\]/gy;
  let match;
  while (pattern.lastIndex < selector.length && (match = pattern.exec(selector))) {
    const [, tag, id, cls, attr, op, quoted] = match;
    const value = quoted && quoted.replace(/\\(.)/g, '$1'); // CSS.escape inside the quotes
    if (tag) {
      tests.push((n) => n.tagName === tag.toUpperCase());
    } else if (id) {
      tests.push((n) => n.id === id);
    } else if (cls) {
      tests.push((n) => n.classList.contains(cls));
    } else if (!op) {
      tests.push((n) => n.hasAttribute(attr));
    } else if (op === '=') {
      tests.push((n) => n.getAttribute(attr) === value);
    } else {
      tests.push((n) => (n.getAttribute(attr) || '').split(/\s+/).includes(value));
    }
  }
  if (pattern.lastIndex !== selector.length || !tests.length) {
    throw new Error(`dom-stub cannot read the selector ${selector}`);
  }
  return (node) => tests.every((test) => test(node));
}

class Document extends Element {
  constructor() {
    super(null, '#document');
    this.ownerDocument = this;
    this.activeElement = null;
    const html = this.appendChild(this.createElement('html'));
    this.head = html.appendChild(this.createElement('head'));
    this.body = html.appendChild(this.createElement('body'));
  }

  createElement(tag) {
    return new Element(this, tag);
  }

  createTextNode(text) {
    return new Text(this, text);
  }

  getElementById(id) {
    return this.querySelector(`#${id}`);
  }
}

/** A fresh document as the global {@code document}, with Node, Element and CSS.escape. */
export function installDom() {
  const document = new Document();
  Object.assign(globalThis, { document, Node, Element, Text, CSS: { escape: (s) => String(s).replace(/[^\w-]/g, '\\$&') } });
  return document;
}
