// Front-end build, run by `npm run build` (the Maven build calls it in the
// generate-resources phase). Writes into target/classes/static/assets, which
// Spring Boot serves under /assets/ from the classpath; the output is never
// committed. Every static file is under /assets/, so that the links of a page
// (/area/…, /contact/…) are never looked up as files when they are rendered.
//
//   css/app.css                  src/main/frontend/app.scss compiled with Dart Sass
//   css/poster.css               src/main/frontend/poster.scss (the poster page only: its
//                                print layout and A4 @page)
//   js/govuk-frontend.min.js     govuk-frontend's ES module build
//   js/app.mjs                   src/main/frontend/app.mjs, importing govuk-frontend by
//                                the name with its content's MD5 that the site serves it
//                                under (web.StaticAssets), so that browsers keep the two
//                                together and never a year-old library beside a new script
//   js/passkeys.mjs              src/main/frontend/passkeys.mjs (staff passkey pages only)
//
// For the browser tests only, axe-core's script goes to
// target/test-classes/axe/axe.min.js: on the test classpath, never served.
//
// Icons (favicon) live in src/main/resources/static/assets/images and are
// copied by Maven. None of govuk-frontend's own images or fonts are shipped.

import { createHash } from 'node:crypto'
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as sass from 'sass'

const frontendDir = dirname(fileURLToPath(import.meta.url))
const projectDir = join(frontendDir, '..', '..', '..')
const staticDir = join(projectDir, 'target', 'classes', 'static', 'assets')
const testClassesDir = join(projectDir, 'target', 'test-classes')
const require = createRequire(import.meta.url)
const govukDist = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist', 'govuk')

function write(file, contents) {
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, contents)
  report(file)
}

function copy(from, to) {
  mkdirSync(dirname(to), { recursive: true })
  copyFileSync(from, to)
  report(to)
}

function report(file) {
  const bytes = readFileSync(file).length
  console.log(`  ${relative(projectDir, file)} (${bytes} bytes)`)
}

// Equivalent to: sass --pkg-importer=node --style=compressed --no-source-map --quiet-deps
const css = sass.compile(join(frontendDir, 'app.scss'), {
  importers: [new sass.NodePackageImporter()],
  style: 'compressed',
  sourceMap: false,
  quietDeps: true,
})
write(join(staticDir, 'css', 'app.css'), css.css + '\n')

const posterCss = sass.compile(join(frontendDir, 'poster.scss'), { style: 'compressed', sourceMap: false })
write(join(staticDir, 'css', 'poster.css'), posterCss.css + '\n')

// The source map is not shipped, so drop the comment that points at it
// (otherwise browser developer tools request a file that does not exist).
const govukJs = readFileSync(join(govukDist, 'govuk-frontend.min.js'), 'utf8')
  .replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n')
write(join(staticDir, 'js', 'govuk-frontend.min.js'), govukJs)

const govukHash = createHash('md5').update(govukJs, 'utf8').digest('hex')
const appJs = readFileSync(join(frontendDir, 'app.mjs'), 'utf8')
const versionedAppJs = appJs.replace("from './govuk-frontend.min.js'", `from './govuk-frontend.min-${govukHash}.js'`)
if (versionedAppJs === appJs) {
  throw new Error('app.mjs no longer imports ./govuk-frontend.min.js: change build.mjs with it')
}
write(join(staticDir, 'js', 'app.mjs'), versionedAppJs)
copy(join(frontendDir, 'passkeys.mjs'), join(staticDir, 'js', 'passkeys.mjs'))

// axe-core for the accessibility checks in the browser tests (*BrowserIT).
copy(require.resolve('axe-core/axe.min.js'), join(testClassesDir, 'axe', 'axe.min.js'))
