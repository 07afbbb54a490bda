// Line charts (Chart.js) from JSON the server renders into <script type="application/json" data-chart>:
// { "title", "xLabel", "yLabel", "labels": [...], "series": [{ "name", "values": [...], "axis": "y"|"y2" }],
//   "xStep", "yMin", "yMax" (optional axis settings),
//   "bands": [{ "from", "to", "label" }] } — bands shade fault windows.
import { currentTheme } from './theme.js';

let chartPromise;
const palette = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#4b5563'];

const faultBands = {
  id: 'faultBands',
  beforeDatasetsDraw(chart, _args, options) {
    const { ctx, chartArea, scales } = chart;
    for (const band of options.bands ?? []) {
      const x0 = scales.x.getPixelForValue(band.from);
      const x1 = scales.x.getPixelForValue(band.to);
      ctx.save();
      ctx.fillStyle = 'rgba(220, 38, 38, 0.12)';
      ctx.fillRect(x0, chartArea.top, Math.max(1, x1 - x0), chartArea.bottom - chartArea.top);
      ctx.fillStyle = currentTheme() === 'dark' ? '#fca5a5' : '#991b1b';
      ctx.font = '11px system-ui, sans-serif';
      ctx.fillText(band.label, x0 + 4, chartArea.top + 12);
      ctx.restore();
    }
  },
};

export async function renderCharts(root) {
  chartPromise ??= import('chart.js/auto').then((module) => module.default);
  const Chart = await chartPromise;
  const dark = currentTheme() === 'dark';
  const grid = dark ? 'rgba(255,255,255,0.12)' : 'rgba(0,0,0,0.08)';
  const text = dark ? '#e5e7eb' : '#1f2937';
  for (const script of root.querySelectorAll('script[data-chart]')) {
    if (script.dataset.drawn) continue;
    script.dataset.drawn = '1';
    const spec = JSON.parse(script.textContent);
    const canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', spec.title);
    const box = document.createElement('div');
    box.className = 'chart-box';
    box.append(canvas);
    script.insertAdjacentElement('afterend', box);
    const hasY2 = spec.series.some((s) => s.axis === 'y2');
    new Chart(canvas, {
      type: 'line',
      data: {
        datasets: spec.series.map((s, i) => ({
          label: s.name,
          data: s.values.map((y, i) => ({ x: spec.labels[i], y })),
          yAxisID: s.axis ?? 'y',
          borderColor: palette[i % palette.length],
          backgroundColor: palette[i % palette.length],
          borderWidth: 1.5,
          pointRadius: spec.labels.length <= 30 ? 3 : 0,
          tension: 0,
          spanGaps: true,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { type: 'linear', title: { display: true, text: spec.xLabel, color: text }, ticks: { color: text, ...(spec.xStep ? { stepSize: spec.xStep } : {}) }, grid: { color: grid } },
          y: { beginAtZero: spec.yMin === undefined || spec.yMin === null, ...(spec.yMin != null ? { min: spec.yMin } : {}), ...(spec.yMax != null ? { max: spec.yMax } : {}), title: { display: true, text: spec.yLabel, color: text }, ticks: { color: text }, grid: { color: grid } },
          ...(hasY2 ? { y2: { position: 'right', beginAtZero: true, title: { display: true, text: spec.y2Label ?? '', color: text }, ticks: { color: text }, grid: { drawOnChartArea: false } } } : {}),
        },
        plugins: {
          title: { display: true, text: spec.title, color: text },
          legend: { labels: { color: text, boxWidth: 12 } },
          faultBands: { bands: spec.bands ?? [] },
        },
      },
      plugins: [faultBands],
    });
    script.dataset.labels = JSON.stringify(spec.labels.length);
  }
}
