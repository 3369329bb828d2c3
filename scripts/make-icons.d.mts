// Types for make-icons.mjs, so the TypeScript tests can check the committed icons against the drawing.
export declare const ICON_SIZES: number[];
export declare const ICON_DIR: string;
export declare function drawIcon(size: number): Uint8Array;
export declare function encodePng(size: number, rgba: Uint8Array): Buffer;
export declare function iconPng(size: number): Buffer;
