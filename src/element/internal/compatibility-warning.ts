/**
 * The compatibility warning for settings other than SHA1 / 6 digits / 30 seconds: the core knows which apps have
 * which problem; this turns that into one sentence per (effect, setting), naming every app it applies to.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { compatibilityProblems, FULLY_COMPATIBLE_APPS, type Effect, type Setting, type TotpParameters } from '../../core/index.js';
import type { TotpGeneratorStrings } from '../strings.js';
import { heading, type HeadingLevel } from './heading-level.js';

type Settings = Pick<TotpParameters, 'digits' | 'period' | 'algorithm'>;

/** The warning's sentences and the closing note naming the apps that handle everything. */
export interface CompatibilityText {
  readonly sentences: readonly string[];
  readonly compatible: string;
}

/** The warning for `settings` in the language of `strings`, or undefined when every common app handles them. */
export function compatibilityText(settings: Settings, strings: TotpGeneratorStrings): CompatibilityText | undefined {
  const problems = compatibilityProblems(settings);
  if (problems.length === 0) return undefined;
  const list = new Intl.ListFormat(strings.lang, { type: 'conjunction' });
  const settingText: Record<Setting, string> = {
    algorithm: strings.settingAlgorithm(settings.algorithm),
    digits: strings.settingDigits(settings.digits),
    period: strings.settingPeriod(settings.period),
  };
  const say: Record<Effect, (apps: string, setting: string) => string> = {
    'wrong-codes': strings.wrongCodes,
    refuses: strings.refuses,
    unsupported: strings.unsupported,
  };
  // Grouped in the order the core lists the problems.
  const groups = new Map<string, { effect: Effect; setting: Setting; apps: string[] }>();
  for (const { app, setting, effect } of problems) {
    const key = `${effect} ${setting}`;
    const group = groups.get(key) ?? { effect, setting, apps: [] };
    group.apps.push(app);
    groups.set(key, group);
  }
  return {
    sentences: [...groups.values()].map(({ effect, setting, apps }) => say[effect](list.format(apps), settingText[setting])),
    compatible: strings.compatibleApps(list.format(FULLY_COMPATIBLE_APPS)),
  };
}

/** Part `warning` (a note with a heading and a list), or nothing for settings every common app handles. */
export function compatibilityWarning(settings: Settings, strings: TotpGeneratorStrings, level: HeadingLevel): TemplateResult | typeof nothing {
  const text = compatibilityText(settings, strings);
  if (!text) return nothing;
  return html`<div part="warning" role="note">
    ${heading(level, strings.compatibilityHeading)}
    <ul>
      ${text.sentences.map((sentence) => html`<li>${sentence}</li>`)}
    </ul>
    <p>${text.compatible}</p>
  </div>`;
}
