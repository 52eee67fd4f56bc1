import { fileURLToPath } from 'node:url';
import { type Plugin as BundlePlugin, build } from 'esbuild';
import type { Plugin } from 'vite';

const RESOLVING = Symbol('resolving');
/**
 * The shared package's modules only define things (its package.json cannot promise so for
 * every user): marked so, the bundle keeps only what these scripts use of it (~10 kB, not
 * 500 kB of schemas).
 */
const sharedWithoutSideEffects: BundlePlugin = {
  name: 'shared-without-side-effects',
  setup(bundler) {
    bundler.onResolve({ filter: /.*/ }, async ({ path, pluginData, ...args }) => {
      if (pluginData === RESOLVING) return undefined;
      const resolved = await bundler.resolve(path, { ...args, pluginData: RESOLVING });
      if (resolved.errors.length > 0) return resolved;
      return {
        ...resolved,
        sideEffects: !/[/\\]packages[/\\]shared[/\\]src[/\\]/.test(resolved.path),
      };
    });
  },
};

const bundle = async (entry: string, define: Record<string, string> = {}) =>
  (
    await build({
      entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
      bundle: true,
      minify: true,
      format: 'iife',
      target: 'es2022',
      write: false,
      define,
      plugins: [sharedWithoutSideEffects],
    })
  ).outputFiles[0]!.text;

/** The page's module script tag and its modulepreload links, as Vite writes them. */
const ENTRY = /<script type="module" crossorigin src="([^"]+)"><\/script>\s*/;
const PRELOADS = /<link rel="modulepreload" crossorigin href="([^"]+)">\s*/g;

/**
 * Puts src/start/head-start.ts, bundled, inline in every page's head (one
 * source for the app and the bench page): it must run before the app's script has even
 * downloaded, so it cannot be a module of its own. It shares its modules (the picture
 * store, the layout rule) with the app.
 *
 * In a build it also takes over starting the app's script (APP_SCRIPTS): on the table the
 * app's compiling and starting, which keep both cores busy for a while, wait until the
 * board's picture is on screen (the script downloads meanwhile).
 */
export function headStart(): Plugin {
  return {
    name: 'roundtable-head-start',
    transformIndexHtml: {
      order: 'post',
      handler: async (html, { server }) => {
        const entry = server ? null : ENTRY.exec(html)?.[1];
        const app = entry
          ? { entry, imports: [...html.matchAll(PRELOADS)].map((match) => match[1]!) }
          : null;
        const script = await bundle('src/start/head-start.ts', {
          APP_SCRIPTS: JSON.stringify(app),
        });
        const page = app ? html.replace(ENTRY, '').replace(PRELOADS, '') : html;
        return {
          html: page,
          tags: [{ tag: 'script', children: script, injectTo: 'head' }],
        };
      },
    },
  };
}
