import { zodResolver } from '@hookform/resolvers/zod';
import { en } from 'zod/locales';
import { config } from 'zod/mini';

// The contracts are built with zod/mini, which loads no locale, so a default issue message would
// read "Invalid input". The forms show them as they are, so the forms' code (loaded lazily, never
// in the console's first load) sets zod's English messages once, before any form validates.
config(en());

export { zodResolver };
