import '@testing-library/jest-dom/vitest';
import { i18n } from '@lingui/core';
import { messages } from '@/web/locales/en/messages.po';

// The console in English, from the same catalog a build serves.
i18n.loadAndActivate({ locale: 'en', messages });
