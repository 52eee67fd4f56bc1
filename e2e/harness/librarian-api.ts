import type { Page } from 'playwright-core';

/**
 * The librarian's HTTP API from the test itself (no browser): signs in once and sends the
 * session cookie with every call. Throws with the server's message on any 4xx/5xx.
 */
export async function librarianApi(serverUrl: string, pin: string) {
  const signIn = await fetch(`${serverUrl}/api/librarian/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ pin }),
  });
  if (!signIn.ok) throw new Error(`sign-in failed: HTTP ${signIn.status}`);
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  return async function call<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<T> {
    const response = await fetch(`${serverUrl}${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

/** A PNG of one colour, painted by the browser itself (so it is a real, decodable file). */
export async function solidPng(
  page: Page,
  colour: string,
  width = 240,
  height = 160,
): Promise<Buffer> {
  const dataUrl = await page.evaluate(
    ([colour, width, height]) => {
      const canvas = document.createElement('canvas');
      canvas.width = width as number;
      canvas.height = height as number;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = colour as string;
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      return canvas.toDataURL('image/png');
    },
    [colour, width, height] as const,
  );
  return Buffer.from(dataUrl.split(',')[1]!, 'base64');
}

/**
 * How many pixels of a PNG (a screenshot) are within `tolerance` of `rgb` in every channel:
 * decoded by the browser, so a test can ask whether a picture is really on screen.
 */
export function pixelsOfColour(
  page: Page,
  png: Buffer,
  rgb: readonly [number, number, number],
  tolerance = 40,
): Promise<number> {
  return page.evaluate(
    async ([b64, rgb, tolerance]) => {
      const image = new Image();
      image.src = `data:image/png;base64,${b64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(image, 0, 0);
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      const [r, g, b] = rgb as unknown as number[];
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (
          Math.abs(data[i]! - r!) <= (tolerance as number) &&
          Math.abs(data[i + 1]! - g!) <= (tolerance as number) &&
          Math.abs(data[i + 2]! - b!) <= (tolerance as number)
        )
          count++;
      }
      return count;
    },
    [png.toString('base64'), rgb, tolerance] as const,
  );
}
