// Flat config: typescript-eslint recommended + Vue recommended, WXT auto-import globals, and the import boundaries
// from STYLE.md (worklets import only worklets; lib/particles/state never imports three; lib never imports Vue/Pinia).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import globals from 'globals';
import prettier from 'eslint-config-prettier';
import autoImports from './.wxt/eslint-auto-imports.mjs';

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.wxt/', 'dist/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  autoImports,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  // Layout is Prettier's (width 120, `npm run format`): ESLint's stylistic rules that would disagree are off.
  prettier,
  { files: ['**/*.vue'], languageOptions: { parserOptions: { parser: tseslint.parser } } },
  {
    files: ['worklets/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/lib/*', '@/components/*', '@/stores/*', 'vue', 'three', 'wxt*'],
              message: 'worklets import only worklets/',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/**/*.ts'],
    ignores: ['lib/particles/view/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['vue', 'pinia'], patterns: ['@/components/*', '@/stores/*'] }],
    },
  },
  {
    files: ['lib/particles/state/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['vue', 'pinia', { name: 'three', message: 'particle state is pure: no three import' }] },
      ],
    },
  },
);
