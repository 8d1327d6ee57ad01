// A tiny DOM builder: text is always inserted as text (never as HTML).

/**
 * h('a', {href: '#/x', className: 'btn', onClick: fn, dataset: {id: 1}}, 'text', child, [more])
 */
export function h(tag, props, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'className') {
      element.className = value;
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name === 'style' && typeof value === 'object') {
      Object.assign(element.style, value);
    } else if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.substring(2).toLowerCase(), value);
    } else if (name === 'value') {
      element.value = value;
    } else if (name === 'checked' || name === 'disabled' || name === 'selected') {
      element[name] = Boolean(value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

export function append(parent, children) {
  for (const child of [].concat(children)) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(parent, child);
    } else if (child instanceof Node) {
      parent.appendChild(child);
    } else {
      parent.appendChild(document.createTextNode(String(child)));
    }
  }
  return parent;
}

export function clear(element) {
  while (element.firstChild) {
    element.removeChild(element.firstChild);
  }
  return element;
}

/** Replaces the content of element with children. */
export function replace(element, ...children) {
  return append(clear(element), children);
}

/** A Bootstrap alert in Cockpit's style. */
export function alertBox(kind, text) {
  return h('div', {className: `alert alert-${kind} audit-alert`, role: 'alert'}, text);
}

export function loading(text = '正在加载…') {
  return h('div', {className: 'audit-loading'},
    h('span', {className: 'glyphicon glyphicon-refresh animate-spin'}), ' ', text);
}

/** A table with a header row; rows are arrays of cells (nodes or text). */
export function table(headers, rows, className = '') {
  return h('table', {className: `table table-striped table-condensed audit-table ${className}`},
    h('thead', null, h('tr', null, headers.map(title => h('th', null, title)))),
    h('tbody', null, rows));
}
