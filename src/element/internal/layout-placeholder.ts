/**
 * The enrollment's layout without an enrollment: what the server renders (no secret is ever made there: secrets come
 * from the visitor's browser) and what the browser's first render repeats to hydrate that markup. Same template as
 * the real thing — headings, labels, buttons, the QR frame at its final size — with stand-ins of the real lengths for
 * the secret (`AAAA AAAA …`) and the code (`000 000`), grouped as the real ones and hidden (`blank`: visibility
 * hidden, so neither seen nor read out), so that lines wrap where they will and nothing moves when the enrollment
 * arrives. (Blank characters instead — figure or no-break spaces — are not as wide as letters in common monospace
 * fonts: 65 to 88 px of layout shift in Chromium.)
 */
import { defaultSecretBytes, parseKeyUri, parseParameters, parseSecret, type QrDrawing, type TotpParameters } from '../../core/index.js';
import type { EnrollmentInputs } from './enrollment-controller.js';


export interface LayoutPlaceholder {
  readonly parameters: TotpParameters;
  readonly secret: { readonly base32: string; readonly weak: boolean };
  /** The secret and code are stand-ins: render them hidden. */
  readonly blank: true;
  readonly uri: string;
  /** An empty QR: the SVG frame (white square) scales to the same width as a drawn one. */
  readonly drawing: QrDrawing;
  readonly code: string;
}

/** The placeholder for `inputs`, or undefined when they are invalid (the error is shown once the browser checks them). */
export function layoutPlaceholder(inputs: EnrollmentInputs): LayoutPlaceholder | undefined {
  try {
    const givenUri = inputs.givenUri?.trim();
    const given = givenUri ? parseKeyUri(givenUri) : undefined;
    const parameters = given?.parameters ?? parseParameters(inputs);
    const brought = given?.secret ?? (inputs.givenSecret?.trim() ? parseSecret(inputs.givenSecret) : undefined);
    const length = brought?.base32.length ?? Math.ceil((defaultSecretBytes(parameters.algorithm) * 8) / 5);
    return {
      parameters,
      secret: { base32: 'A'.repeat(length), weak: brought?.weak ?? false },
      blank: true,
      uri: '',
      drawing: { side: 1, path: '' },
      code: '0'.repeat(parameters.digits),
    };
  } catch {
    return undefined;
  }
}
