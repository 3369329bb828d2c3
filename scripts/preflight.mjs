// What `npm test` needs from the system, checked before any test runs: the two real browsers and the two independent
// reference tools. A newcomer's machine without them must get one clear message (or, as root on Debian/Ubuntu, the
// packages installed), never a cascade of "Browser was not found" failures.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * Each requirement: the Debian package that provides it, and where to look. `env` names a variable that, when set,
 * is the only place looked at (so that a machine with another browser build can point at it).
 */
export const REQUIREMENTS = [
  { what: 'Chromium (browser tests)', package: 'chromium', env: 'CHROME_PATH', commands: ['chromium', 'chromium-browser', 'google-chrome'] },
  { what: 'Firefox ESR (browser tests)', package: 'firefox-esr', env: 'FIREFOX_PATH', commands: ['firefox-esr', 'firefox'] },
  { what: 'oathtool (reference TOTP implementation)', package: 'oathtool', commands: ['oathtool'] },
  { what: 'zbarimg (independent QR reader)', package: 'zbar-tools', commands: ['zbarimg'] },
];

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable among `commands` on `PATH`, or the `env` override alone when it is set. */
export function locate(requirement, env = process.env) {
  const override = requirement.env && env[requirement.env];
  if (override) return isExecutable(override) ? override : undefined;
  const directories = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const command of requirement.commands) {
    for (const directory of directories) {
      const path = join(directory, command);
      if (isExecutable(path)) return path;
    }
  }
  return undefined;
}

/** The requirements not found. */
export function missingRequirements(env = process.env) {
  return REQUIREMENTS.filter((requirement) => !locate(requirement, env));
}

/** Whether missing packages can be installed here, unattended: root, with apt-get (Debian, Ubuntu). */
export function canInstall({ uid = process.getuid?.(), env = process.env } = {}) {
  return uid === 0 && locate({ commands: ['apt-get'] }, env) !== undefined && existsSync('/etc/debian_version');
}

/** The one message for a machine that lacks something and where nothing is installed for it. */
export function missingMessage(missing, env = process.env) {
  const packages = [...new Set(missing.map((requirement) => requirement.package))];
  const lines = [`npm test needs ${packages.length === 1 ? 'a package' : 'packages'} this machine does not have:`];
  for (const requirement of missing) {
    const override = requirement.env && env[requirement.env];
    lines.push(`  - ${requirement.what}: Debian package ${requirement.package}` + (override ? ` (${requirement.env}=${override} is not an executable)` : ''));
  }
  lines.push(
    `Install ${packages.length === 1 ? 'it' : 'them'} and run npm test again:`,
    `  sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`,
    'Browsers installed elsewhere can be named with CHROME_PATH and FIREFOX_PATH.',
  );
  return lines.join('\n');
}

/**
 * Checks the system; installs what is missing when it can (saying what), and otherwise returns the message to stop
 * with. `undefined` means everything is there.
 */
export function preflight({ env = process.env, uid = process.getuid?.(), log = console.log } = {}) {
  let missing = missingRequirements(env);
  if (missing.length === 0) return undefined;
  // An override that points nowhere is a mistake to report, not something apt-get can mend.
  const installable = missing.filter((requirement) => !(requirement.env && env[requirement.env]));
  if (installable.length > 0 && canInstall({ uid, env })) {
    const packages = [...new Set(installable.map((requirement) => requirement.package))];
    log(`preflight: installing ${packages.join(' ')} with apt-get (running as root on Debian)`);
    const options = { stdio: ['ignore', 'ignore', 'inherit'], env: { ...env, DEBIAN_FRONTEND: 'noninteractive' } };
    const updated = spawnSync('apt-get', ['update', '-qq'], options);
    const installed = updated.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', ...packages], options);
    if (!installed || installed.status !== 0) log('preflight: apt-get failed (see above)');
    missing = missingRequirements(env);
  }
  return missing.length === 0 ? undefined : missingMessage(missing, env);
}
