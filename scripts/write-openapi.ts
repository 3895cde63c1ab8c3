// Writes the committed OpenAPI document (openapi.json) from the zod schemas of the routes.
import fs from 'node:fs';
import { renderOpenApi } from '../src/openapi-document.ts';

fs.writeFileSync('openapi.json', renderOpenApi());
process.stdout.write('openapi.json written\n');
