// The benches' one summary statistic: the middle value (the mean of the two middle ones for an even count), which a
// single slow run on a shared machine does not move the way it moves a mean.
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
