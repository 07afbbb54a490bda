// Keyboard shortcuts. Elements opt in with data-shortcut="ctrl+enter" (clicked) or data-shortcut-focus="/" (focused);
// "?" opens the list of shortcuts on the page.
function matches(event, combo) {
  const parts = combo.toLowerCase().split('+');
  const named = parts.pop();
  const key = named === 'space' ? ' ' : named;
  const wantCtrl = parts.includes('ctrl');
  const wantAlt = parts.includes('alt');
  const wantShift = parts.includes('shift');
  const pressed = event.key.toLowerCase();
  return pressed === key && (event.ctrlKey || event.metaKey) === wantCtrl && event.altKey === wantAlt && event.shiftKey === wantShift;
}

function typing(event) {
  const target = event.target;
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function initShortcuts() {
  document.addEventListener('keydown', (event) => {
    for (const el of document.querySelectorAll('[data-shortcut]')) {
      const combo = el.getAttribute('data-shortcut');
      const needsModifier = combo.includes('+');
      if (matches(event, combo) && (needsModifier || !typing(event))) {
        event.preventDefault();
        el.click();
        return;
      }
    }
    for (const el of document.querySelectorAll('[data-shortcut-focus]')) {
      if (!typing(event) && matches(event, el.getAttribute('data-shortcut-focus'))) {
        event.preventDefault();
        el.focus();
        return;
      }
    }
    if (!typing(event) && event.key === '?') {
      const dialog = document.getElementById('shortcuts');
      if (dialog instanceof HTMLDialogElement) {
        event.preventDefault();
        dialog.open ? dialog.close() : dialog.showModal();
      }
    }
  });
}
