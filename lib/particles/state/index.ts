/** Pure particle state (no three): smoothing, palettes, mode easing, adaptive count. */
export * from './smoothing';
export * from './palette';
export * from './field-state';
export * from './adaptive';
