/**
 * Build-time patches to bundled libraries, so the extension ships no HTML sink and no code built
 * from strings (`web-ext lint` reports both, and `npm run test:webext-lint` fails on any warning).
 * Each patch replaces an exact piece of a library's published file; the build fails when that
 * piece is missing, occurs twice, or a sink is still there after patching, so an upgrade can
 * neither bring a sink back nor quietly skip a patch. After an upgrade that fails here, read the
 * library's new code, then update `find` (and the reason) or drop the patch.
 */
import type { Plugin } from 'vite';

export interface Patch {
  find: string;
  replace: string;
}

export interface VendorFile {
  /** Matches the resolved module id of the file the patches apply to. */
  id: RegExp;
  /** Every module id under this folder must be `id`: another file of the library (a new entry
   * point after an upgrade) would go into the bundle unpatched. */
  library: RegExp;
  patches: Patch[];
  /** What must not be left in the file once patched. */
  forbidden: RegExp;
}

export const VENDOR_FILES: Record<string, VendorFile> = {
  // Preact's one HTML sink is the `dangerouslySetInnerHTML` branch of its diff: it assigns
  // `dom.innerHTML`. Our code never passes that prop (biome.json turns on
  // noDangerouslySetInnerHtml, which Biome leaves off for Preact), so the branch is dead for us;
  // it becomes a clear error and the bundle has no innerHTML at all, the content script on
  // portal pages included. A security gain: no future prop, copied snippet or dependency can
  // turn a string into markup there.
  preact: {
    id: /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/,
    library: /[\\/]node_modules[\\/]preact[\\/]dist[\\/]/,
    patches: [
      {
        find: 'h?(l||y&&(h.__html==y.__html||h.__html==t.innerHTML)||(t.innerHTML=h.__html),r.__k=[]):(',
        replace:
          'h?(()=>{throw new Error("dangerouslySetInnerHTML is disabled in Pandu Izin builds (scripts/lib/vendor-patches.ts)")})():(',
      },
    ],
    forbidden: /innerHTML|outerHTML|insertAdjacentHTML/,
  },
  // @pdf-lib/fontkit's ES build inlines deep-equal (restructure compares a subset font's fields
  // with their defaults when pdf-lib embeds it, `subset: true`) and, with it, function-bind and
  // get-intrinsic. function-bind uses its shim only where Function.prototype.bind is missing,
  // never in a browser we support, and the shim builds its wrapper with the Function
  // constructor: the native bind is used unconditionally and the shim wraps without a string.
  // get-intrinsic lists `eval` among its intrinsics, but this file only ever asks it for
  // %Function%: the entry stays, empty, so asking for %eval% throws get-intrinsic's own "exists,
  // but is not available" error.
  fontkit: {
    id: /[\\/]node_modules[\\/]@pdf-lib[\\/]fontkit[\\/]dist[\\/]fontkit\.es\.js$/,
    library: /[\\/]node_modules[\\/]@pdf-lib[\\/]fontkit[\\/]/,
    patches: [
      {
        find: 'var functionBind = Function.prototype.bind || implementation$1;',
        replace: 'var functionBind = Function.prototype.bind;',
      },
      {
        find: "  bound = Function('binder', 'return function (' + boundArgs.join(',') + '){ return binder.apply(this,arguments); }')(binder);\n",
        replace: '  bound = function () { return binder.apply(this, arguments); };\n',
      },
      {
        find: "  '%eval%': eval,\n  // eslint-disable-line no-eval\n",
        replace: "  '%eval%': undefined$1,\n",
      },
    ],
    // `eval` as a name (not the '%eval%' key), or a call of the Function constructor.
    forbidden: /(?<![\w$.%])eval\b(?!%)|(?<![\w$.])Function\s*\(/,
  },
};

/** The file's code with every patch applied; throws, naming the library and patch, otherwise. */
export function patchVendorFile(name: string, file: VendorFile, code: string): string {
  let patched = code;
  for (const [index, { find, replace }] of file.patches.entries()) {
    const count = patched.split(find).length - 1;
    if (count !== 1) {
      throw new Error(
        `vendor-patches: ${name} patch ${index + 1} expects its code once and found it ${count} times. ` +
          `The library changed: read its new code, then update or drop the patch in scripts/lib/vendor-patches.ts.`,
      );
    }
    patched = patched.replace(find, () => replace);
  }
  const left = file.forbidden.exec(patched);
  if (left) {
    throw new Error(
      `vendor-patches: ${name} still contains "${left[0]}" after patching (near: ` +
        `${JSON.stringify(patched.slice(Math.max(0, left.index - 80), left.index + 80))}).`,
    );
  }
  return patched;
}

/** The Vite plugin: patches the files on the way into the bundle and checks none went around. */
export function vendorPatches(files: Record<string, VendorFile> = VENDOR_FILES): Plugin {
  return {
    name: 'pandu-vendor-patches',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      for (const [name, file] of Object.entries(files)) {
        if (!file.id.test(id)) continue;
        try {
          return { code: patchVendorFile(name, file, code), map: null };
        } catch (error) {
          this.error((error as Error).message);
        }
      }
      return null;
    },
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        for (const moduleId of output.moduleIds) {
          for (const [name, file] of Object.entries(files)) {
            if (file.library.test(moduleId) && !file.id.test(moduleId)) {
              this.error(
                `vendor-patches: ${output.fileName} bundles ${moduleId}, a file of ${name} that no patch ` +
                  'covers (did the library change its entry point?). See scripts/lib/vendor-patches.ts.',
              );
            }
          }
        }
      }
    },
  };
}
