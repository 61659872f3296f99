/** Types for what tests import from eslint.config.js (the layer table they prove). */
declare const config: readonly object[];
export default config;
/** The layers inside electron/core, bottom first: folder → the same-layer siblings it may import. */
export declare const coreLayers: ReadonlyArray<Readonly<Record<string, readonly string[]>>>;
