// The design editor: CodeMirror 6 over a <textarea data-editor>. The textarea stays the form field (kept in sync),
// so every form still posts the text. While the candidate types:
//  - ~300 ms after a pause the text goes to the live-analysis endpoint (data-live-url); its HTML replaces the live
//    panel (data-live-target) and the diagnostics it carries become inline marks on their lines;
//  - ~800 ms after a pause the text is autosaved (data-autosave-url), and it is always kept in localStorage first,
//    so a closed tab or a server that is down loses nothing.
import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection } from '@codemirror/view';
import { EditorState } from '@codemirror/state';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { syntaxHighlighting, defaultHighlightStyle } from '@codemirror/language';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { antiforgeryToken } from './token.js';

const liveDelayMs = 300;
const autosaveDelayMs = 800;

function debounce(fn, ms) {
  let timer;
  const wrapped = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  wrapped.flush = (...args) => {
    clearTimeout(timer);
    fn(...args);
  };
  return wrapped;
}

function toCodeMirror(doc, d) {
  const lineNumber = Math.min(Math.max(1, d.line || 1), doc.lines);
  const line = doc.line(lineNumber);
  const from = Math.min(line.to, line.from + Math.max(0, (d.column || 1) - 1));
  const to = Math.max(from, Math.min(line.to, line.from + Math.max(0, (d.endColumn || d.column || 1) - 1)));
  const severity = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'info';
  return {
    from,
    to: to === from && line.to > from ? line.to : to,
    severity,
    source: d.code,
    message: d.hint ? `${d.message}\nHint: ${d.hint}` : d.message,
  };
}

function post(url, text, extra) {
  const body = new FormData();
  body.set('text', text);
  for (const [k, v] of Object.entries(extra ?? {})) body.set(k, v);
  return fetch(url, { method: 'POST', body, headers: { RequestVerificationToken: antiforgeryToken() } });
}

function setStatus(el, text, state) {
  if (!el) return;
  el.textContent = text;
  el.dataset.state = state;
}

export function mountEditors(root) {
  for (const textarea of root.querySelectorAll('textarea[data-editor]')) {
    if (textarea.dataset.mounted) continue;
    textarea.dataset.mounted = '1';
    mount(textarea);
  }
}

function mount(textarea) {
  const liveUrl = textarea.getAttribute('data-live-url');
  const liveTarget = textarea.getAttribute('data-live-target');
  const autosaveUrl = textarea.getAttribute('data-autosave-url');
  const draftKey = textarea.getAttribute('data-draft-key');
  const status = document.querySelector(textarea.getAttribute('data-status') ?? '#save-status');
  const extra = JSON.parse(textarea.getAttribute('data-live-fields') ?? '{}');
  let liveSequence = 0;
  let appliedSequence = 0;
  let unsaved = false;

  // Offer the browser's copy when it is newer than the server's (the server was down, or the tab closed too soon).
  let initial = textarea.value;
  if (draftKey) {
    try {
      const kept = JSON.parse(localStorage.getItem(draftKey) ?? 'null');
      const serverSavedAt = Date.parse(textarea.getAttribute('data-saved-at') ?? '') || 0;
      if (kept && typeof kept.text === 'string' && kept.text !== initial && kept.at > serverSavedAt) {
        initial = kept.text;
        textarea.value = initial;
        unsaved = true;
      }
    } catch {
      // A damaged localStorage entry is ignored; the server's copy stands.
    }
  }

  const view = new EditorView({
    parent: textarea.parentElement,
    state: EditorState.create({
      doc: initial,
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        markdown(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        lintGutter(),
        EditorView.lineWrapping,
        keymap.of([...defaultKeymap, ...historyKeymap]),
        EditorView.contentAttributes.of({ 'aria-label': textarea.getAttribute('aria-label') ?? 'Design document' }),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          const text = update.state.doc.toString();
          textarea.value = text;
          unsaved = true;
          if (draftKey) localStorage.setItem(draftKey, JSON.stringify({ text, at: Date.now() }));
          setStatus(status, 'Editing…', 'editing');
          if (liveUrl) analyse(text);
          if (autosaveUrl) autosave(text);
          textarea.dispatchEvent(new Event('input', { bubbles: true }));
        }),
      ],
    }),
  });
  view.dom.classList.add('editor');
  textarea.hidden = true;
  textarea.editorView = view;

  const analyse = debounce(async (text) => {
    const sequence = ++liveSequence;
    const target = document.querySelector(liveTarget);
    target?.setAttribute('aria-busy', 'true');
    try {
      const response = await post(liveUrl, text, extra);
      const html = await response.text();
      if (sequence < appliedSequence || !target) return;
      appliedSequence = sequence;
      window.htmx.swap(target, html, { swapStyle: 'innerHTML' });
      applyDiagnostics(view, target);
    } catch (error) {
      console.warn('DesignDrill: live analysis failed', error);
    } finally {
      if (sequence === liveSequence) target?.removeAttribute('aria-busy');
    }
  }, liveDelayMs);

  const autosave = debounce(async (text) => {
    setStatus(status, 'Saving…', 'saving');
    try {
      const response = await post(autosaveUrl, text);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      unsaved = false;
      setStatus(status, `Saved ${new Date().toLocaleTimeString()}`, 'saved');
    } catch {
      setStatus(status, 'Not saved to the server — kept in this browser; retrying when you type', 'offline');
    }
  }, autosaveDelayMs);

  // Last chance when the tab closes: a beacon carries the text (with the antiforgery token as a form field).
  window.addEventListener('pagehide', () => {
    if (!unsaved || !autosaveUrl) return;
    const body = new FormData();
    body.set('text', view.state.doc.toString());
    body.set('__RequestVerificationToken', antiforgeryToken());
    navigator.sendBeacon(autosaveUrl, body);
  });

  // First analysis of what is already there, and a save of a restored browser copy.
  const target = liveTarget ? document.querySelector(liveTarget) : null;
  if (target && target.querySelector('script[data-diagnostics]')) applyDiagnostics(view, target);
  else if (liveUrl) analyse.flush(initial);
  if (unsaved && autosaveUrl) autosave.flush(initial);
}

function applyDiagnostics(view, target) {
  const data = target.querySelector('script[data-diagnostics]');
  if (!data) return;
  let items = [];
  try {
    items = JSON.parse(data.textContent);
  } catch {
    return;
  }
  const doc = view.state.doc;
  view.dispatch(setDiagnostics(view.state, items.map((d) => toCodeMirror(doc, d))));
}

// Clicking a finding's line link moves the editor there.
document.addEventListener('click', (event) => {
  const link = event.target.closest('[data-goto-line]');
  if (!link) return;
  const textarea = document.querySelector('textarea[data-editor]');
  const view = textarea?.editorView;
  if (!view) return;
  event.preventDefault();
  const lineNumber = Math.min(Math.max(1, Number(link.getAttribute('data-goto-line'))), view.state.doc.lines);
  const line = view.state.doc.line(lineNumber);
  view.dispatch({ selection: { anchor: line.from }, scrollIntoView: true });
  view.focus();
});
