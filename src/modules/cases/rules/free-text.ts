/**
 * Free text (notes, reasons, addresses) is stored as plain text and never rendered as HTML; what
 * it may not carry are control characters, which no keyboard produces and which break exports
 * and logs. Line breaks and tabs are allowed where a field is multi-line.
 */
const controlCharacter = /\p{Cc}/u;
const controlCharacterExceptLineBreaks = /(?![\t\n\r])\p{Cc}/u;

export function hasControlCharacters(text: string, opts: { allowLineBreaks?: boolean } = {}): boolean {
  return (opts.allowLineBreaks ? controlCharacterExceptLineBreaks : controlCharacter).test(text);
}
