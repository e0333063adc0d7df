/** Prints a cell value without float noise: 万元 amounts keep up to 4 decimals (1 元). */
export function formatNumber(n: number): string {
  return String(Math.round(n * 10_000) / 10_000);
}

export function sum(values: readonly number[]): number {
  return Math.round(values.reduce((a, b) => a + b, 0) * 10_000) / 10_000;
}
