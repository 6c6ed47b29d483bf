// `npm audit` of every front-end package, run by the Maven build (generate-resources). They are all
// devDependencies, but they build the CSS and JavaScript that ship. The build fails on any advisory of
// high or critical severity. A registry that cannot answer audits (some mirrors answer 405) or no
// network at all is reported and does not fail the build: nothing was found, but nothing was checked.

import { spawnSync } from 'node:child_process'

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const audit = spawnSync(npm, ['audit', '--json'], { encoding: 'utf8' })
let report
try {
  report = JSON.parse(audit.stdout || '{}')
} catch {
  report = {}
}

const counts = report.metadata && report.metadata.vulnerabilities
if (!counts) {
  const reason = (report.error && (report.error.summary || report.error.code)) || audit.stderr.trim() || 'no answer'
  const firstLine = reason.split('\n')[0].replace(/ - .*$/, '')
  console.warn(`npm audit: the registry could not be asked (${firstLine}); front-end packages NOT checked`)
  process.exit(0)
}

const serious = (counts.high || 0) + (counts.critical || 0)
console.log(`npm audit: ${counts.critical || 0} critical, ${counts.high || 0} high, ${counts.moderate || 0} moderate, ` +
  `${counts.low || 0} low`)
if (serious > 0) {
  for (const [name, finding] of Object.entries(report.vulnerabilities || {})) {
    if (finding.severity === 'high' || finding.severity === 'critical') {
      console.error(`  ${finding.severity}: ${name} ${finding.range || ''}`)
    }
  }
  console.error('npm audit: high or critical advisories in the front-end packages; update them (npm audit fix)')
  process.exit(1)
}
