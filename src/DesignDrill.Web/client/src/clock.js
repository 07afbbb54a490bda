// The phase clock: the server renders the phase and the milliseconds left (in the phase and in the session) at the
// moment it answered; the browser counts down from there, so the clock needs no polling. Negative time shows as
// "over by m:ss".
function format(ms) {
  const over = ms < 0;
  const total = Math.floor(Math.abs(ms) / 1000);
  const text = `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
  return over ? `over by ${text}` : `${text} left`;
}

export function initClocks(root) {
  for (const el of root.querySelectorAll('[data-clock]')) {
    if (el.dataset.clockStarted) continue;
    el.dataset.clockStarted = '1';
    const phase = el.getAttribute('data-phase') ?? '';
    const phaseLeft = Number(el.getAttribute('data-phase-left-ms'));
    const totalLeft = Number(el.getAttribute('data-total-left-ms'));
    const frozen = el.hasAttribute('data-frozen');
    const t0 = performance.now();
    const tick = () => {
      const spent = frozen ? 0 : performance.now() - t0;
      el.textContent = `${phase} · ${format(phaseLeft - spent)} in phase · ${format(totalLeft - spent)}`;
      el.classList.toggle('clock-over', phaseLeft - spent < 0);
    };
    tick();
    if (!frozen) {
      const timer = setInterval(() => (el.isConnected ? tick() : clearInterval(timer)), 1000);
    }
  }
}
