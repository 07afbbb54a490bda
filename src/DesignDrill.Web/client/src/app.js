// Entry point of the web studio's browser code. Pages are server-rendered; htmx swaps partials; this file wires the
// pieces that need a browser: the theme, keyboard shortcuts, the phase clock, and (loaded on demand) the editor,
// the Mermaid diagram and the charts.
import htmx from 'htmx.org';
import { initTheme } from './theme.js';
import { initShortcuts } from './shortcuts.js';
import { initClocks } from './clock.js';
import { antiforgeryToken } from './token.js';

window.htmx = htmx;

// Swap error answers too: the server sends 400/413 partials that say what is wrong (htmx 2 drops them by default).
htmx.config.responseHandling = [
  { code: '204', swap: false },
  { code: '[23]..', swap: true },
  { code: '4..', swap: true, error: true },
  { code: '5..', swap: true, error: true },
];

// Every htmx request carries the antiforgery token that the layout puts in a meta tag.

document.addEventListener('htmx:configRequest', (event) => {
  event.detail.headers['RequestVerificationToken'] = antiforgeryToken();
});

async function enhance(root) {
  initClocks(root);
  if (root.querySelector('[data-editor]')) {
    const { mountEditors } = await import('./editor.js');
    mountEditors(root);
  }
  if (root.querySelector('[data-mermaid]')) {
    const { renderDiagrams } = await import('./diagram.js');
    await renderDiagrams(root);
  }
  if (root.querySelector('[data-chart]')) {
    const { renderCharts } = await import('./charts.js');
    await renderCharts(root);
  }
  if (root.querySelector('[data-local-time]')) {
    for (const el of root.querySelectorAll('[data-local-time]')) {
      const when = new Date(el.getAttribute('data-local-time'));
      if (!Number.isNaN(when.getTime())) el.textContent = when.toLocaleString();
    }
  }
}

// htmx:load fires for the body on first load and for every swapped-in element.
document.addEventListener('htmx:load', (event) => {
  enhance(event.detail.elt).catch((error) => console.warn('DesignDrill: could not enhance the page', error));
});

initTheme();
initShortcuts();
