/**
 * A page with no script: 999 rows shaped like the console's (a row checkbox, then the eight
 * columns as text, the product on two lines) in a scrolling box of the console's height, named
 * as the console names them so the same key presses drive both. What the interaction figure
 * measures on it is what the browser itself takes to scroll these rows on this machine, without
 * the console's script and without its rendering only the rows in view.
 */
export function staticTablePage(): string {
  const rows: string[] = [];
  for (let i = 1; i <= 999; i++) {
    const n = String(i).padStart(4, '0');
    rows.push(
      `<tr><td><input type="checkbox" aria-label="Select device-${n}"></td><td><a href="#">boiler-room-temp-${n}</a></td>` +
        `<td>Temperature sensor<br><small>ID 1000${i % 7}</small></td><td><code>00-1B-44-${n.slice(0, 2)}-${n.slice(2)}-7C</code></td>` +
        `<td>Direct</td><td>${i % 3 ? 'Offline' : 'Online'}</td><td>Enabled</td><td>No</td><td>${(i % 28) + 1} Nov 2026, 10:${n.slice(2)}</td></tr>`,
    );
  }
  return `<!doctype html><html lang="en"><head><title>Static table</title><style>
body { margin: 24px; font: 14px system-ui, sans-serif; }
.table-scroll { height: 500px; overflow: auto; background: #fff; }
table { width: 100%; border-collapse: collapse; }
td { height: 40px; padding: 0 12px; border-bottom: 1px solid #edf0f4; white-space: nowrap; line-height: 1.2; }
</style></head><body><div class="table-scroll"><table aria-label="Devices"><tbody>${rows.join('')}</tbody></table></div></body></html>`;
}
