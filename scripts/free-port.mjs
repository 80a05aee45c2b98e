// A port nobody listens on right now, chosen by the OS. Plain JavaScript: `npm start` runs it
// before dependencies (and TypeScript tools) may be installed.
import { createServer } from 'node:net'

/** Asks the OS for a free TCP port on 127.0.0.1, or checks that `preferred` is free. */
export function freePort(preferred = 0) {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.once('error', (error) => (preferred ? resolve(freePort(0)) : reject(error)))
    server.listen(preferred, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}
