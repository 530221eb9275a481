/** three.js view of the particle field. */
export * from './field-view';
export * from './material';
