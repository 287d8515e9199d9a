/// <reference types="vite/client" />

// A catalog compiled by Lingui's Vite plugin as it is imported.
declare module '*.po' {
  import type { Messages } from '@lingui/core';
  export const messages: Messages;
}
