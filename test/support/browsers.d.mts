// Types for browsers.mjs, so TypeScript tests can import it.
export declare const CHROMIUM_PATH: string;
export declare const FIREFOX_PATH: string;
export declare const CHROMIUM_ARGS: string[];
