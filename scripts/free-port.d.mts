/** Asks the OS for a free TCP port on 127.0.0.1, or checks that `preferred` is free. */
export function freePort(preferred?: number): Promise<number>
