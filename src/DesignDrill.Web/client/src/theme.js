// Light and dark mode: follows the system unless the user picked one with the toggle (kept in localStorage).
const key = 'designdrill:theme';

function apply(theme) {
  const effective = theme ?? (window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  document.documentElement.setAttribute('data-theme', effective);
  document.dispatchEvent(new CustomEvent('designdrill:theme', { detail: effective }));
}

export function currentTheme() {
  return document.documentElement.getAttribute('data-theme') ?? 'light';
}

export function initTheme() {
  apply(localStorage.getItem(key));
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => apply(localStorage.getItem(key)));
  document.addEventListener('click', (event) => {
    const button = event.target.closest('[data-theme-toggle]');
    if (!button) return;
    const next = currentTheme() === 'dark' ? 'light' : 'dark';
    localStorage.setItem(key, next);
    apply(next);
  });
}
