/** Text as SVG character data: the five XML specials escaped, nothing else can break out. */
export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

/** A number as SVG writes it: two decimals at most. */
export const svgNumber = (n: number) => Math.round(n * 100) / 100;

/** A picture's data: a URL the SVG can show wherever it is opened (a data: URI), or null. */
export type ImageHref = (assetId: string) => string | null;

export interface SvgOptions {
  imageHref: ImageHref;
}
