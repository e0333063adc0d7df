/** The invite code in what a scan gives: the code itself, or a link / path carrying `code=`. Pure. */
export function inviteCodeOf(scanned: string): string {
  const text = scanned.trim();
  const match = /[?&#]code=([^&#\s]+)/.exec(text);
  if (match?.[1] !== undefined) {
    try {
      return decodeURIComponent(match[1]).trim();
    } catch {
      return match[1].trim();
    }
  }
  return text;
}
