// Progressive enhancement only: every page works without this script.
//
// The body classes are added here rather than with an inline <script>, so
// the Content-Security-Policy does not need 'unsafe-inline', a nonce or a
// hash. Module scripts only run in browsers that govuk-frontend supports.
import { initAll } from './govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')

initAll()
