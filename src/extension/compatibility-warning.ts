/**
 * The compatibility warning as a Lit template: one sentence per (effect, setting) naming every app it applies to,
 * then the apps that handle everything. Nothing for SHA1 / 6 / 30.
 *
 * The popup's `<read-enrollment>` uses it. It renders what `<totp-generator>`'s `_warning` renders, with the element's
 * strings and part name; it lives here rather than in src/element while the element is being split into controllers,
 * and the two should become one piece there afterwards.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { compatibilityProblems, FULLY_COMPATIBLE_APPS, type TotpParameters } from '../core/index.js';
import type { TotpGeneratorStrings } from '../element/strings.js';

export function compatibilityWarning(parameters: Pick<TotpParameters, 'digits' | 'period' | 'algorithm'>, s: TotpGeneratorStrings): TemplateResult | typeof nothing {
  const problems = compatibilityProblems(parameters);
  if (problems.length === 0) return nothing;
  const list = new Intl.ListFormat(s.lang, { type: 'conjunction' });
  const { digits, period, algorithm } = parameters;
  const settingText = { algorithm: s.settingAlgorithm(algorithm), digits: s.settingDigits(digits), period: s.settingPeriod(period) };
  const say = { 'wrong-codes': s.wrongCodes, refuses: s.refuses, unsupported: s.unsupported };
  const groups = new Map<string, { effect: keyof typeof say; setting: keyof typeof settingText; apps: string[] }>();
  for (const { app, setting, effect } of problems) {
    const key = `${effect} ${setting}`;
    const group = groups.get(key) ?? { effect, setting, apps: [] };
    group.apps.push(app);
    groups.set(key, group);
  }
  return html`<div part="warning" role="note">
    <h3>${s.compatibilityHeading}</h3>
    <ul>
      ${[...groups.values()].map(({ effect, setting, apps }) => html`<li>${say[effect](list.format(apps), settingText[setting])}</li>`)}
    </ul>
    <p>${s.compatibleApps(list.format(FULLY_COMPATIBLE_APPS))}</p>
  </div>`;
}
