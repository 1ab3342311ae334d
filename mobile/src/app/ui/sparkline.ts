/** SVG path data of a series scaled into a width × height box (pure: tested, no chart library). */
export function sparklinePath(
  values: readonly number[],
  width: number,
  height: number,
  max?: number,
): string {
  const finite = values.map((v) => (Number.isFinite(v) ? v : 0));
  if (finite.length === 0) return '';
  const top = max ?? Math.max(...finite, 0);
  const scale = top > 0 ? height / top : 0;
  const step = finite.length > 1 ? width / (finite.length - 1) : 0;
  return finite
    .map((v, i) => {
      const x = Math.round(i * step * 10) / 10;
      const y = Math.round((height - Math.min(v, top) * scale) * 10) / 10;
      return `${i === 0 ? 'M' : 'L'}${x},${y}`;
    })
    .join(' ');
}
