// Renders Mermaid sources (<pre data-mermaid>) into SVG. The last SVG of each source text is cached, so a panel that
// is swapped in with an unchanged diagram shows it at once; a source that fails to render keeps the previous SVG and
// says why underneath.
import { currentTheme } from './theme.js';

let mermaidPromise;
let counter = 0;
const cache = new Map();

async function loadMermaid() {
  mermaidPromise ??= import('mermaid').then((module) => module.default);
  const mermaid = await mermaidPromise;
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    theme: currentTheme() === 'dark' ? 'dark' : 'default',
    flowchart: { htmlLabels: true, useMaxWidth: true },
  });
  return mermaid;
}

export async function renderDiagrams(root) {
  const sources = root.querySelectorAll('[data-mermaid]');
  if (sources.length === 0) return;
  const mermaid = await loadMermaid();
  for (const el of sources) {
    const source = el.textContent;
    const host = el.parentElement.querySelector('.diagram') ?? el.insertAdjacentElement('afterend', Object.assign(document.createElement('div'), { className: 'diagram' }));
    el.hidden = true;
    const key = currentTheme() + '\n' + source;
    if (cache.has(key)) {
      host.innerHTML = cache.get(key);
      continue;
    }
    try {
      const { svg } = await mermaid.render(`diagram-${++counter}`, source);
      cache.set(key, svg);
      if (cache.size > 50) cache.delete(cache.keys().next().value);
      host.innerHTML = svg;
      host.dataset.rendered = 'true';
    } catch (error) {
      const note = document.createElement('p');
      note.className = 'diagram-error';
      note.textContent = `The diagram could not be drawn: ${error?.message ?? error}`;
      host.append(note);
    }
  }
}

document.addEventListener('designdrill:theme', () => {
  for (const el of document.querySelectorAll('[data-mermaid]')) {
    el.parentElement.querySelector('.diagram')?.replaceChildren();
  }
  renderDiagrams(document).catch(() => {});
});
