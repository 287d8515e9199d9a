import { config } from 'zod/mini';
import { en } from 'zod/locales';

// The contracts are built with zod/mini, which loads no locale: without this every default issue
// message would be "Invalid input". The refusals quote zod's English messages (e.g. EnOS 99400
// "Invalid arguments: orgId: Too small: …"), so the service sets them before it parses anything.
config(en());
