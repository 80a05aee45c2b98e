// Writes the OpenAPI document the Worker serves to a file, for `npm run lint:api`.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { createApp } from '../worker/app'
import { openApiDocument } from '../worker/openapi/document'

const out = process.argv[2] ?? 'dist/openapi.json'
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, JSON.stringify(openApiDocument(createApp()), null, 2))
