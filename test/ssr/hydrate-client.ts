// The browser side of a server-rendered page: Lit's hydration support first, then the element (registering it).
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import '../../src/element/define.js';
