/** Building blocks of a panel: headline tiles and chart cards. */
export const element = <K extends keyof HTMLElementTagNameMap>(name: K, className?: string, text?: string): HTMLElementTagNameMap[K] => {
  const node = document.createElement(name);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

export const tiles = (...items: { label: string; value: string; note?: string; id?: string }[]): HTMLElement => {
  const row = element('div', 'tiles');
  for (const item of items) {
    const tile = element('div', 'tile');
    const value = element('p', 'value', item.value);
    if (item.id) value.dataset.figure = item.id;
    tile.append(element('p', 'label', item.label), value);
    if (item.note) tile.append(element('p', 'note', item.note));
    row.append(tile);
  }
  return row;
};

export const card = (title: string, caption: string, ...content: Node[]): HTMLElement => {
  const node = element('article', 'card');
  node.append(element('h2', undefined, title));
  if (caption) node.append(element('p', 'caption', caption));
  node.append(...content);
  return node;
};

export const cards = (...items: HTMLElement[]): HTMLElement => {
  const grid = element('div', 'cards');
  grid.append(...items);
  return grid;
};
