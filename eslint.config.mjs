// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

/** Imports that leave a layer the wrong way. shared ← main, preload, renderer; never sideways. */
const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'http', 'crypto', 'url']
const layer = (files, patterns, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }]
  }
})

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error'
    }
  },
  layer(
    ['src/shared/**/*.ts'],
    ['electron', 'react', 'react-dom', '@xyflow/*', ...nodeBuiltins, '**/main/**', '**/renderer/**', '**/preload/**'],
    'src/shared is pure TypeScript: no Electron, Node, DOM or React, and nothing from the other layers.'
  ),
  {
    // Tests of shared code (and their *.testing.ts helpers) run in Node under Vitest: they may read fixtures and fonts from disk and run tools.
    files: ['src/shared/**/*.test.ts', 'src/shared/**/*.testing.ts'],
    rules: { 'no-restricted-imports': 'off' }
  },
  layer(
    ['src/renderer/**/*.{ts,tsx}'],
    ['electron', ...nodeBuiltins, '**/main/**', '**/preload/**'],
    'The renderer reaches the main process only through window.boardApi.'
  ),
  layer(
    ['src/preload/**/*.ts'],
    [...nodeBuiltins, '**/main/**', '**/renderer/**'],
    'The preload only exposes boardApi, built from the contract in src/shared.'
  ),
  layer(
    ['src/main/files/**/*.ts', 'src/main/services/**/*.ts', 'src/main/desktop/**/*.ts'],
    ['electron', '**/renderer/**', '**/preload/**'],
    'File services and desktop rules are plain Node so they run under Vitest and behind the browser test harness.'
  ),
  layer(
    ['src/main/*.ts'],
    ['**/renderer/**', '**/preload/**'],
    'The main process does not import renderer or preload code.'
  )
)
